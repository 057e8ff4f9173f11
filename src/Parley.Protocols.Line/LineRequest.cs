namespace Parley.Protocols.Line;

/// <summary>
/// One client line, reduced to a command name and its argument text. The seeds' shorthand
/// forms are normalised here: <c>#alice</c> is <c>nick alice</c>, <c>#alice secret</c> is
/// <c>login alice secret</c>, <c>@bob:hi</c> is <c>dm bob hi</c>, <c>@#dev:hi</c> is
/// <c>say #dev hi</c>, and a line without a prefix is <c>bm</c> with the whole line.
/// </summary>
/// <param name="Command">Lower-case command name without the slash, e.g. <c>dm</c>.</param>
/// <param name="Arguments">Everything after the command name, trimmed; empty when none.</param>
public readonly record struct LineRequest(string Command, string Arguments);
