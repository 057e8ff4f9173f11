namespace Parley.Protocols.Line;

/// <summary>
/// One client line, reduced to a command name and its argument text. The seeds' shorthand
/// forms are normalised here: <c>#alice</c> is <c>nick alice</c>, <c>#alice secret</c> is
/// <c>login alice secret</c>, <c>@bob:hi</c> is <c>dm bob hi</c>, <c>@#dev:hi</c> is
/// <c>say #dev hi</c>, and a line without a prefix is <c>bm</c> with the whole line.
/// </summary>
/// <remarks>
/// A message to one target (<c>@bob:hi</c>, <c>@#dev:hi</c>, <c>/dm bob hi</c>, <c>/say #dev hi</c>)
/// also keeps the target and the text apart (<see cref="Target"/>, <see cref="Text"/>), so the
/// command takes them without joining and splitting the text again; <see cref="Arguments"/> is then
/// joined only when read (issue 10, fix 14). Equality is by <see cref="Command"/> and
/// <see cref="Arguments"/>, as for the plain form.
/// </remarks>
public readonly struct LineRequest : IEquatable<LineRequest>
{
    private readonly string? _arguments;

    /// <summary>A request of a command name and its argument text.</summary>
    /// <param name="command">Lower-case command name without the slash, e.g. <c>dm</c>.</param>
    /// <param name="arguments">Everything after the command name, trimmed; empty when none.</param>
    public LineRequest(string command, string arguments)
    {
        Command = command;
        _arguments = arguments;
    }

    private LineRequest(string command, string target, string text)
    {
        Command = command;
        Target = target;
        Text = text;
    }

    /// <summary>Lower-case command name without the slash, e.g. <c>dm</c>.</summary>
    public string Command { get; }

    /// <summary>Everything after the command name, trimmed; empty when none.</summary>
    public string Arguments => _arguments ?? (Target is null ? "" : string.Concat(Target, " ", Text));

    /// <summary>True when <see cref="Arguments"/> is not empty (read without joining it).</summary>
    public bool HasArguments => Target is not null || _arguments is { Length: > 0 };

    /// <summary>For a message to one target: the nick or <c>#room</c>, not empty; otherwise null.</summary>
    public string? Target { get; }

    /// <summary>For a message to one target: its text, trimmed, not empty; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>A message to one target, kept apart: <see cref="Arguments"/> reads <c>target text</c>.</summary>
    /// <param name="command">The command, <c>dm</c> or <c>say</c>.</param>
    /// <param name="target">The nick or room, not empty, no space.</param>
    /// <param name="text">The text, trimmed, not empty.</param>
    /// <returns>The request.</returns>
    public static LineRequest ToTarget(string command, string target, string text) => new(command, target, text);

    /// <inheritdoc />
    public bool Equals(LineRequest other) =>
        string.Equals(Command, other.Command, StringComparison.Ordinal) && string.Equals(Arguments, other.Arguments, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LineRequest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Command, Arguments);

    /// <inheritdoc />
    public override string ToString() => $"LineRequest {{ Command = {Command}, Arguments = {Arguments} }}";

    /// <summary>Equal by command and arguments.</summary>
    /// <param name="left">One request.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(LineRequest left, LineRequest right) => left.Equals(right);

    /// <summary>Not equal by command or arguments.</summary>
    /// <param name="left">One request.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(LineRequest left, LineRequest right) => !left.Equals(right);
}
