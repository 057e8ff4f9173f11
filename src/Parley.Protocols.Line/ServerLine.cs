namespace Parley.Protocols.Line;

/// <summary>
/// One line the server sent, parsed by <see cref="ServerLineParser"/>.
/// </summary>
/// <param name="Kind">What the line is; <see cref="ServerLineKind.Unknown"/> for a line that could not be parsed.</param>
/// <param name="Raw">The line exactly as received, without its LF.</param>
/// <remarks>Immutable, so safe to share between threads.</remarks>
public sealed record ServerLine(ServerLineKind Kind, string Raw)
{
    /// <summary>
    /// The sender's nick for <see cref="ServerLineKind.Direct"/>, <see cref="ServerLineKind.Broadcast"/>,
    /// <see cref="ServerLineKind.RoomMessage"/> and the message records (<see cref="ServerLineKind.History"/>,
    /// <see cref="ServerLineKind.Missed"/>, <see cref="ServerLineKind.Echo"/>); who set it for
    /// <see cref="ServerLineKind.Topic"/>; <see langword="null"/> for every other kind.
    /// </summary>
    public string? From { get; init; }

    /// <summary>
    /// The recipient for the message records (<see cref="ServerLineKind.History"/>, <see cref="ServerLineKind.Missed"/>,
    /// <see cref="ServerLineKind.Echo"/>): a nick, <c>*</c> for a broadcast, or a <c>#room</c> (then also in
    /// <see cref="Room"/>); <see langword="null"/> for every other kind.
    /// </summary>
    public string? To { get; init; }

    /// <summary>
    /// The server-assigned message id for <see cref="ServerLineKind.History"/>, <see cref="ServerLineKind.Missed"/>
    /// and <see cref="ServerLineKind.Echo"/>; <see langword="null"/> for every other kind.
    /// </summary>
    public long? MessageId { get; init; }

    /// <summary>
    /// The error code (for example <c>NO_SUCH_NICK</c>) for <see cref="ServerLineKind.Error"/>;
    /// <see langword="null"/> for every other kind.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>
    /// The human-readable text after the token (and after the code or the sender, when there is one);
    /// the whole line for <see cref="ServerLineKind.Unknown"/>. Never <see langword="null"/>, may be empty.
    /// </summary>
    public string Text { get; init; } = "";

    /// <summary>
    /// The nicks online for <see cref="ServerLineKind.Users"/>, or the members with their role prefix (<c>~</c> owner,
    /// <c>@</c> op, <c>+</c> voice) for <see cref="ServerLineKind.Members"/>, in the server's order; empty for every other kind.
    /// </summary>
    public IReadOnlyList<string> Nicks { get; init; } = [];

    /// <summary>
    /// The room (with its <c>#</c>) for the room kinds: <see cref="ServerLineKind.RoomMessage"/>,
    /// <see cref="ServerLineKind.RoomNotice"/>, <see cref="ServerLineKind.Topic"/>, <see cref="ServerLineKind.Members"/>,
    /// <see cref="ServerLineKind.RoomList"/> and <see cref="ServerLineKind.Ban"/>, and for a message record
    /// (<see cref="ServerLineKind.History"/>, <see cref="ServerLineKind.Echo"/>) whose recipient is a room;
    /// <see langword="null"/> otherwise.
    /// </summary>
    public string? Room { get; init; }

    /// <summary>
    /// When the server accepted the message (UTC) for the message records (<see cref="ServerLineKind.History"/>,
    /// <see cref="ServerLineKind.Missed"/>, <see cref="ServerLineKind.Echo"/>), or when a <see cref="ServerLineKind.Topic"/>
    /// was set; <see langword="null"/> for every other kind.
    /// </summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The member count of a <see cref="ServerLineKind.RoomList"/> line; <see langword="null"/> for every other kind.</summary>
    public int? Count { get; init; }

    /// <summary>
    /// <see langword="true"/> for the kinds that end a command: <c>OK</c>, <c>ERR</c> and <c>BYE</c>.
    /// </summary>
    public bool IsFinalReply => Kind is ServerLineKind.Ok or ServerLineKind.Error or ServerLineKind.Bye;

    /// <summary>
    /// <see langword="true"/> for the data lines a command sends before its final reply: <c>USERS</c>, <c>HELP</c>,
    /// <c>TOPIC</c>, <c>MEMBERS</c>, <c>HIST</c>, <c>MISSED</c> (of a login or <c>/missed</c>), <c>LIST</c>, <c>BAN</c>
    /// , <c>SERVERBAN</c> and <c>STATS</c>.
    /// </summary>
    public bool IsDataLine => Kind is ServerLineKind.Users or ServerLineKind.Help or ServerLineKind.Topic
        or ServerLineKind.Members or ServerLineKind.History or ServerLineKind.Missed or ServerLineKind.RoomList
        or ServerLineKind.Ban or ServerLineKind.ServerBan or ServerLineKind.Stats;
}
