using System.Buffers;
using System.Text;

namespace Parley.Client.Tests;

public sealed class LineFramerTests
{
    private static readonly byte[] Transcript = Encoding.UTF8.GetBytes("HELLO hi\nDM zoë: 世界\r\nOK done\npartial");

    [Fact]
    public void TryReadLine_whole_buffer_gives_every_complete_line_and_leaves_the_tail()
    {
        var buffer = new ReadOnlySequence<byte>(Transcript);

        Assert.Equal(["HELLO hi", "DM zoë: 世界", "OK done"], ReadAll(ref buffer, 1024));
        Assert.Equal("partial", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void TryReadLine_split_at_every_offset_gives_same_lines()
    {
        for (var split = 0; split <= Transcript.Length; split++)
        {
            var buffer = Segments(Transcript[..split], Transcript[split..]);

            Assert.Equal(["HELLO hi", "DM zoë: 世界", "OK done"], ReadAll(ref buffer, 1024));
        }
    }

    [Fact]
    public void TryReadLine_one_byte_per_segment_gives_same_lines()
    {
        var buffer = Segments(Transcript.Select(b => new[] { b }).ToArray());

        Assert.Equal(["HELLO hi", "DM zoë: 世界", "OK done"], ReadAll(ref buffer, 1024));
    }

    [Fact]
    public void TryReadLine_terminated_line_over_limit_is_invalid()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(new string('x', 101) + "\n"));

        Assert.Equal(OperationStatus.InvalidData, LineFramer.TryReadLine(ref buffer, 100, out _));
    }

    [Fact]
    public void TryReadLine_unterminated_tail_over_limit_is_invalid_before_more_data()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[101]);

        Assert.Equal(OperationStatus.InvalidData, LineFramer.TryReadLine(ref buffer, 100, out _));
    }

    [Fact]
    public void TryReadLine_line_of_exactly_the_limit_is_accepted()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(new string('x', 100) + "\r\n"));

        Assert.Equal(OperationStatus.Done, LineFramer.TryReadLine(ref buffer, 100, out var line));
        Assert.Equal(100, line.Length);
    }

    [Fact]
    public void TryReadLine_invalid_utf8_gives_replacement_characters()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { (byte)'O', (byte)'K', (byte)' ', 0xFF, (byte)'\n' });

        Assert.Equal(OperationStatus.Done, LineFramer.TryReadLine(ref buffer, 100, out var line));
        Assert.Equal("OK \uFFFD", line);
    }

    private static List<string> ReadAll(ref ReadOnlySequence<byte> buffer, int max)
    {
        var lines = new List<string>();
        while (LineFramer.TryReadLine(ref buffer, max, out var line) == OperationStatus.Done)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
