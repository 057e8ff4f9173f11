namespace Parley.Core.Routing;

/// <summary>Who an <see cref="Audience"/> is. Each kind names what resolves it (docs/architecture.md, "Routing port").</summary>
public enum AudienceKind
{
    /// <summary>Nobody (the default value): publishing to it delivers nothing.</summary>
    None,

    /// <summary>One session (<see cref="Audience.Session"/>).</summary>
    Session,

    /// <summary>Every session holding one nick (<see cref="Audience.Nick"/>), but <see cref="Audience.Except"/>.</summary>
    Nick,

    /// <summary>Every session signed in to one account, under its name or another nick, but <see cref="Audience.Except"/>.</summary>
    Account,

    /// <summary>
    /// A room's members (a snapshot of <see cref="Audience.Room"/>'s member array), but
    /// <see cref="Audience.Except"/> and the sessions of the nick <see cref="Audience.Nick"/>, and only
    /// those holding <see cref="Audience.MinimumRole"/> when it is set (STATUSMSG).
    /// </summary>
    RoomMembers,

    /// <summary>
    /// Everyone sharing at least one room with <see cref="Audience.Session"/>, once each, never the
    /// sessions of its nick; then the presence watchers that are no such peer, as watchers (IRCv3 extended-monitor).
    /// </summary>
    RoomPeers,

    /// <summary>
    /// The members of <see cref="Audience.Rooms"/> who see presence only through rooms (IRC), once
    /// each, but the nick <see cref="Audience.Nick"/> and presence watchers (told as watchers);
    /// always queued behind each room's announcements.
    /// </summary>
    RoomPresence,

    /// <summary>Every registered session that sees everyone's presence (the line protocol's <c>SYS</c>), but the nick <see cref="Audience.Nick"/>.</summary>
    Everyone,

    /// <summary>Every presence watcher (IRC's MONITOR) that does not see all presence anyway, but the nick <see cref="Audience.Nick"/>.</summary>
    Watchers,

    /// <summary>Every nick online (all its sessions), but the nick <see cref="Audience.Nick"/>: a broadcast.</summary>
    EveryNick,
}
