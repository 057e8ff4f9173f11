using System.Buffers;
using System.Text;

namespace Parley.Protocols.Line.Tests;

public sealed class LineFramerTests
{
    [Theory]
    [InlineData("hello\n", new[] { "hello" })]
    [InlineData("hello\r\n", new[] { "hello" })]
    [InlineData("a\nb\r\nc\n", new[] { "a", "b", "c" })]
    [InlineData("\n\n", new[] { "", "" })]
    [InlineData("mid\rline\n", new[] { "mid\rline" })]
    [InlineData("no terminator", new string[0])]
    public void TryReadLine_whole_input_yields_each_complete_line(string input, string[] expected)
    {
        Assert.Equal(expected, Frame(new LineFramer(), [Encoding.UTF8.GetBytes(input)]).Lines);
    }

    [Fact]
    public void TryReadLine_input_split_at_every_offset_yields_the_same_lines()
    {
        var bytes = Encoding.UTF8.GetBytes("#alice\r\n@bob:héllo ✓\n/users\n");
        for (var split = 0; split <= bytes.Length; split++)
        {
            var (lines, tooLong) = Frame(new LineFramer(), [bytes[..split], bytes[split..]]);
            Assert.Equal(["#alice", "@bob:héllo ✓", "/users"], lines);
            Assert.Equal(0, tooLong);
        }
    }

    [Fact]
    public void TryReadLine_one_byte_per_segment_yields_the_same_lines()
    {
        var bytes = Encoding.UTF8.GetBytes("#alice\r\n@bob:héllo ✓\n");
        var (lines, _) = Frame(new LineFramer(), [.. bytes.Select(b => new[] { b })]);
        Assert.Equal(["#alice", "@bob:héllo ✓"], lines);
    }

    [Fact]
    public void TryReadLine_line_at_the_limit_is_accepted_with_or_without_cr()
    {
        var line = new string('a', 16);
        var (lines, tooLong) = Frame(new LineFramer(16), [Encoding.ASCII.GetBytes(line + "\n" + line + "\r\n")]);
        Assert.Equal([line, line], lines);
        Assert.Equal(0, tooLong);
    }

    [Fact]
    public void TryReadLine_line_one_byte_over_the_limit_is_reported_and_the_next_line_is_read()
    {
        var (lines, tooLong) = Frame(new LineFramer(16), [Encoding.ASCII.GetBytes(new string('a', 17) + "\nnext\n")]);
        Assert.Equal(["next"], lines);
        Assert.Equal(1, tooLong);
    }

    [Fact]
    public void TryReadLine_huge_line_without_terminator_is_reported_once_and_not_buffered()
    {
        var framer = new LineFramer(16);
        var chunk = new byte[1000];
        Array.Fill(chunk, (byte)'x');
        var tooLong = 0;
        for (var i = 0; i < 100; i++)
        {
            var buffer = new ReadOnlySequence<byte>(chunk);
            while (framer.TryReadLine(ref buffer, out _) is var status && status != LineFrameStatus.NeedMoreData)
                tooLong += status == LineFrameStatus.LineTooLong ? 1 : 0;
            Assert.True(buffer.Length <= 18, "an overlong line must be consumed, not held");
        }

        var rest = new ReadOnlySequence<byte>("xx\nok\n"u8.ToArray());
        Assert.Equal(LineFrameStatus.Line, framer.TryReadLine(ref rest, out var line));
        Assert.Equal("ok", Encoding.ASCII.GetString(line));
        Assert.Equal(1, tooLong);
    }

    [Fact]
    public void Constructor_limit_below_one_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LineFramer(0));
    }

    /// <summary>Feeds segments as a pipe would: unconsumed bytes are offered again with the next segment.</summary>
    internal static (List<string> Lines, int TooLong) Frame(LineFramer framer, IEnumerable<byte[]> segments)
    {
        var lines = new List<string>();
        var tooLong = 0;
        var pending = Array.Empty<byte>();
        foreach (var segment in segments)
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. segment]);
            while (true)
            {
                var status = framer.TryReadLine(ref buffer, out var line);
                if (status == LineFrameStatus.NeedMoreData)
                    break;
                if (status == LineFrameStatus.LineTooLong)
                    tooLong++;
                else
                    lines.Add(Encoding.UTF8.GetString(line));
            }

            pending = buffer.ToArray();
        }

        return (lines, tooLong);
    }
}
