using Parley.Protocols.Line;

namespace Parley.Cli;

/// <summary>Turns server lines into the text the user reads, plain or with ANSI colours.</summary>
internal static class LineFormatter
{
    private const string Reset = "\x1b[0m";

    /// <summary>Formats a line as plain text, for example <c>[DM] alice: hi</c> or <c>! NO_SUCH_NICK bob is not online</c>.</summary>
    public static string Format(ServerLine line) => line.Kind switch
    {
        ServerLineKind.Direct => $"[DM] {line.From}: {line.Text}",
        ServerLineKind.Broadcast => $"[BM] {line.From}: {line.Text}",
        ServerLineKind.System => $"*** {line.Text}",
        ServerLineKind.Hello => $"*** {line.Text}",
        ServerLineKind.Bye => $"*** bye: {line.Text}",
        ServerLineKind.Ok => $"ok: {line.Text}",
        ServerLineKind.Error => $"! {line.Code} {line.Text}".TrimEnd(),
        ServerLineKind.Users => $"users online: {string.Join(", ", line.Nicks)}",
        ServerLineKind.Help => $"  {line.Text}",
        _ => line.Raw,
    };

    /// <summary>Formats a line, coloured by kind when <paramref name="color"/> is set.</summary>
    public static string Format(ServerLine line, bool color)
    {
        var text = Format(line);
        var code = color ? ColorOf(line.Kind) : null;
        return code is null ? text : code + text + Reset;
    }

    private static string? ColorOf(ServerLineKind kind) => kind switch
    {
        ServerLineKind.Direct => "\x1b[35m",    // magenta: for you only
        ServerLineKind.Broadcast => "\x1b[36m", // cyan
        ServerLineKind.System or ServerLineKind.Hello or ServerLineKind.Bye => "\x1b[33m", // yellow
        ServerLineKind.Error => "\x1b[31m",     // red
        ServerLineKind.Ok => "\x1b[32m",        // green
        _ => null,
    };
}
