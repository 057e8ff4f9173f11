using Parley.Protocols.Line;

namespace Parley.Cli;

/// <summary>Turns server lines into the text the user reads, plain or with ANSI colours.</summary>
internal static class LineFormatter
{
    private const string Reset = "\x1b[0m";

    /// <summary>Formats a line as plain text, for example <c>[DM] alice: hi</c> or <c>! NO_SUCH_NICK bob is not online</c>.</summary>
    public static string Format(ServerLine line) => line.Kind switch
    {
        ServerLineKind.Direct => $"[DM] {Said(line)}",
        ServerLineKind.Broadcast => $"[BM] {Said(line)}",
        ServerLineKind.System => $"*** {line.Text}",
        ServerLineKind.Hello => $"*** {line.Text}",
        ServerLineKind.Bye => $"*** bye: {line.Text}",
        ServerLineKind.Ok => $"ok: {line.Text}",
        ServerLineKind.Error => $"! {line.Code} {line.Text}".TrimEnd(),
        ServerLineKind.Users => $"users online: {string.Join(", ", line.Nicks)}",
        ServerLineKind.Help => $"  {line.Text}",
        ServerLineKind.RoomMessage => $"[{line.Room}] {Said(line)}",
        ServerLineKind.Echo when line.Room is not null => $"[{line.Room}] {Said(line)}",
        ServerLineKind.Echo => $"[sent elsewhere] -> {line.To}: {line.Text}",
        ServerLineKind.History when line.Room is not null => $"[{line.Room}] ({Time(line)}) {Said(line)}",
        ServerLineKind.History when IsAction(line) => $"[{Time(line)}] (-> {line.To}) {line.Text}",
        ServerLineKind.History => $"[{Time(line)}] {line.From} -> {line.To}: {line.Text}",
        ServerLineKind.Missed => $"[missed {Time(line)}] {Said(line)}",
        ServerLineKind.RoomNotice => $"*** [{line.Room}] {line.Text}",
        ServerLineKind.Topic => $"[{line.Room}] topic: {line.Text} (set by {line.From})",
        ServerLineKind.Members => $"[{line.Room}] members: {string.Join(", ", line.Nicks)}",
        ServerLineKind.RoomList => $"{line.Room} ({line.Count}) {line.Text}".TrimEnd(),
        _ => line.Raw,
    };

    // The server shows an IRC user's /me as "* alice waves" (docs/protocol.md), live, stored and
    // echoed alike: keep it as an action rather than "alice: * alice waves".
    private static string Said(ServerLine line) => IsAction(line) ? line.Text : $"{line.From}: {line.Text}";

    private static bool IsAction(ServerLine line) =>
        line.From is not null && line.Text.StartsWith($"* {line.From} ", StringComparison.Ordinal);

    // Stored messages show their original time, in UTC so every device shows the same.
    private static string Time(ServerLine line) =>
        line.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Formats a line, coloured by kind when <paramref name="color"/> is set.</summary>
    public static string Format(ServerLine line, bool color)
    {
        var text = Format(line);
        var code = color ? ColorOf(line) : null;
        return code is null ? text : code + text + Reset;
    }

    private static string? ColorOf(ServerLine line) => line.Kind switch
    {
        ServerLineKind.Direct or ServerLineKind.Missed => "\x1b[35m",    // magenta: for you only
        ServerLineKind.RoomMessage => "\x1b[34m", // blue
        ServerLineKind.Echo when line.Room is not null => "\x1b[34m", // blue: your own room message
        ServerLineKind.History or ServerLineKind.Echo => "\x1b[90m",   // grey: already seen or sent
        ServerLineKind.Broadcast => "\x1b[36m", // cyan
        ServerLineKind.RoomNotice => "\x1b[33m",
        ServerLineKind.System or ServerLineKind.Hello or ServerLineKind.Bye => "\x1b[33m", // yellow
        ServerLineKind.Error => "\x1b[31m",     // red
        ServerLineKind.Ok => "\x1b[32m",        // green
        _ => null,
    };
}
