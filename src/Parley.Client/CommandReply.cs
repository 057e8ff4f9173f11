using Parley.Protocols.Line;

namespace Parley.Client;

/// <summary>
/// The server's answer to one command: its final reply (<c>OK</c>, <c>ERR</c> or <c>BYE</c>) and the
/// data lines (<c>USERS</c>, <c>HELP</c>) that came before it.
/// </summary>
/// <param name="Final">The final reply; <see cref="ServerLine.IsFinalReply"/> is always <see langword="true"/>.</param>
/// <param name="Data">The data lines, in the order received; empty for most commands.</param>
public sealed record CommandReply(ServerLine Final, IReadOnlyList<ServerLine> Data)
{
    /// <summary><see langword="true"/> unless the server refused the command with <c>ERR</c>.</summary>
    public bool IsSuccess => Final.Kind != ServerLineKind.Error;

    /// <summary>The <c>ERR</c> code (for example <c>NICK_TAKEN</c>), or <see langword="null"/> on success.</summary>
    public string? ErrorCode => Final.Code;

    /// <summary>The human-readable text of the final reply.</summary>
    public string Text => Final.Text;
}
