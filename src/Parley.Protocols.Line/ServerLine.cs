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
    /// The sender's nick for <see cref="ServerLineKind.Direct"/> and <see cref="ServerLineKind.Broadcast"/>;
    /// <see langword="null"/> for every other kind.
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
    /// The nicks online for <see cref="ServerLineKind.Users"/>, in the server's order; empty for every other kind.
    /// </summary>
    public IReadOnlyList<string> Nicks { get; init; } = [];

    /// <summary>
    /// <see langword="true"/> for the kinds that end a command: <c>OK</c>, <c>ERR</c> and <c>BYE</c>.
    /// </summary>
    public bool IsFinalReply => Kind is ServerLineKind.Ok or ServerLineKind.Error or ServerLineKind.Bye;

    /// <summary>
    /// <see langword="true"/> for the data lines a command sends before its final reply: <c>USERS</c> and <c>HELP</c>.
    /// </summary>
    public bool IsDataLine => Kind is ServerLineKind.Users or ServerLineKind.Help;
}
