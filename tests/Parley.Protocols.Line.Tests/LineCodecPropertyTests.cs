using FsCheck;
using FsCheck.Fluent;

namespace Parley.Protocols.Line.Tests;

/// <summary>Any bytes at all give lines, refusals or "need more", never an exception or a hang.</summary>
public sealed class LineCodecPropertyTests
{
    [Fact]
    public void Framer_and_parser_never_throw_and_always_consume_input()
    {
        Prop.ForAll<byte[][]>(segments =>
        {
            var framer = new LineFramer(64);
            var (lines, _) = LineFramerTests.Frame(framer, segments.Where(s => s is not null));
            foreach (var line in lines)
                LineRequestParser.TryParse(System.Text.Encoding.UTF8.GetBytes(line), out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parser_on_arbitrary_bytes_returns_a_result_without_throwing()
    {
        Prop.ForAll<byte[]>(bytes =>
        {
            var error = LineRequestParser.TryParse(bytes ?? [], out var request);
            return error != LineParseError.None || request.Command.Length > 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Framer_on_text_with_newlines_yields_exactly_the_lines_written()
    {
        Prop.ForAll<string[]>(texts =>
        {
            var lines = (texts ?? []).Select(t => (t ?? "").Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal))
                .Where(t => System.Text.Encoding.UTF8.GetByteCount(t) <= 64).ToArray();
            var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
            var (framed, tooLong) = LineFramerTests.Frame(new LineFramer(64), [bytes]);
            return tooLong == 0 && framed.SequenceEqual(lines.Select(l => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(l))));
        }).QuickCheckThrowOnFailure();
    }
}
