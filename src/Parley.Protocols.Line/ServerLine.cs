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
    /// <see cref="ServerLineKind.RoomMessage"/>, <see cref="ServerLineKind.Echo"/> and <see cref="ServerLineKind.History"/>;
    /// who set it for <see cref="ServerLineKind.Topic"/>; <see langword="null"/> for every other kind.
    /// </summary>
    public string? From { get; init; }

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
    /// <see cref="ServerLineKind.Echo"/>, <see cref="ServerLineKind.RoomNotice"/>, <see cref="ServerLineKind.Topic"/>,
    /// <see cref="ServerLineKind.Members"/>, <see cref="ServerLineKind.History"/>, <see cref="ServerLineKind.RoomList"/>
    /// and <see cref="ServerLineKind.Ban"/>; <see langword="null"/> for every other kind.
    /// </summary>
    public string? Room { get; init; }

    /// <summary>The message id of a <see cref="ServerLineKind.History"/> line; <see langword="null"/> for every other kind.</summary>
    public long? MessageId { get; init; }

    /// <summary>
    /// The time of a <see cref="ServerLineKind.History"/> line (when said) or a <see cref="ServerLineKind.Topic"/> line
    /// (when set); <see langword="null"/> for every other kind.
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
    /// <c>TOPIC</c>, <c>MEMBERS</c>, <c>HISTORY</c>, <c>LIST</c>, <c>BAN</c> and <c>SERVERBAN</c>.
    /// </summary>
    public bool IsDataLine => Kind is ServerLineKind.Users or ServerLineKind.Help or ServerLineKind.Topic
        or ServerLineKind.Members or ServerLineKind.History or ServerLineKind.RoomList or ServerLineKind.Ban
        or ServerLineKind.ServerBan;
}
