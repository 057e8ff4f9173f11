namespace Parley.Core.Rooms;

/// <summary>A room's modes, set with <c>/mode #room +i</c> and friends.</summary>
/// <remarks>Persisted by room stores: never renumber.</remarks>
[Flags]
public enum RoomModes
{
    /// <summary>No modes: anyone may join, speak and set the topic.</summary>
    None = 0,

    /// <summary><c>+i</c>: only invited users may join.</summary>
    InviteOnly = 1,

    /// <summary><c>+k</c>: joining needs the room's key.</summary>
    Keyed = 2,

    /// <summary><c>+m</c>: only ops and voiced members may speak.</summary>
    Moderated = 4,

    /// <summary><c>+s</c>: hidden from non-members in <c>/rooms</c>, <c>/who</c> and <c>/topic</c>.</summary>
    Secret = 8,

    /// <summary><c>+t</c>: only ops may set the topic.</summary>
    TopicLocked = 16,

    /// <summary>
    /// <c>+n</c>: only members may send to the room (no external messages). On by default for new
    /// rooms; without it, anyone not banned may send to the room without joining (RFC 2812 §4.2.5).
    /// </summary>
    NoExternal = 32,

    /// <summary><c>+C</c>: no CTCP (a message starting with <c>\x01</c>) but <c>ACTION</c> (<c>/me</c>).</summary>
    NoCtcp = 64,

    /// <summary><c>+l</c>: at most <see cref="Room.Limit"/> members (471 for more).</summary>
    Limited = 128,
}
