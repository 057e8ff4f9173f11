using System.Buffers;
using System.Text;

namespace Parley.Protocols.Irc.Tests;

/// <summary>One outcome of framing and parsing: a frame status and, for a line, the parse status and message.</summary>
internal sealed record Outcome(IrcFrameStatus Frame, IrcParseStatus? Parse, IrcMessage? Message)
{
    public override string ToString() => Frame == IrcFrameStatus.Line ? $"{Parse}: {Message}" : Frame.ToString();
}

/// <summary>Feeds bytes to a framer and parser as a pipe would, in the ways every parser test runs.</summary>
internal static class Feed
{
    /// <summary>
    /// Frames and parses <paramref name="wire"/> whole, split at every offset, one byte per
    /// segment (offered one at a time) and as one sequence of one-byte segments; asserts all
    /// give the same outcomes and returns them.
    /// </summary>
    public static IReadOnlyList<Outcome> AllWays(byte[] wire, Func<IrcFramer>? framer = null)
    {
        framer ??= () => new IrcFramer();
        var whole = Run(framer(), [wire]);
        for (var split = 0; split <= wire.Length; split++)
            Assert.Equal(Describe(whole), Describe(Run(framer(), [wire[..split], wire[split..]])));
        Assert.Equal(Describe(whole), Describe(Run(framer(), wire.Select(b => new[] { b }))));
        Assert.Equal(Describe(whole), Describe(RunSegmented(framer(), wire)));
        return whole;
    }

    public static IReadOnlyList<Outcome> AllWays(string wire, Func<IrcFramer>? framer = null) =>
        AllWays(Encoding.UTF8.GetBytes(wire), framer);

    /// <summary>
    /// Offers each segment after what is left of the previous ones, as a two-segment sequence,
    /// and checks the framer's contract on every call: it consumes nothing on "need more"
    /// (unless discarding) and always makes progress otherwise.
    /// </summary>
    public static List<Outcome> Run(IrcFramer framer, IEnumerable<byte[]> segments)
    {
        var outcomes = new List<Outcome>();
        var pending = Array.Empty<byte>();
        foreach (var segment in segments)
        {
            var buffer = Sequence(pending, segment);
            Drain(framer, ref buffer, outcomes);
            pending = buffer.ToArray();

            // Whatever is kept waiting is less than one tag section and one line.
            Assert.True(pending.Length < framer.MaxTagBytes + framer.MaxLineBytes, $"{pending.Length} bytes held");
        }

        return outcomes;
    }

    /// <summary>Offers the whole input at once as a sequence of one-byte segments.</summary>
    public static List<Outcome> RunSegmented(IrcFramer framer, byte[] wire)
    {
        var outcomes = new List<Outcome>();
        var buffer = Sequence([.. wire.Select(b => new[] { b })]);
        Drain(framer, ref buffer, outcomes);
        return outcomes;
    }

    public static ReadOnlySequence<byte> Sequence(params byte[][] segments)
    {
        var nonEmpty = segments.Where(s => s.Length > 0).ToArray();
        if (nonEmpty.Length == 0)
            return ReadOnlySequence<byte>.Empty;
        var first = new Segment(nonEmpty[0], 0);
        var last = first;
        foreach (var segment in nonEmpty.Skip(1))
            last = last.Append(segment);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private static void Drain(IrcFramer framer, ref ReadOnlySequence<byte> buffer, List<Outcome> outcomes)
    {
        while (true)
        {
            var before = buffer.Length;
            var status = framer.TryReadLine(ref buffer, out var line);
            if (status == IrcFrameStatus.NeedMoreData)
                return;
            Assert.True(buffer.Length < before, "a call that reports something must consume input");
            if (status == IrcFrameStatus.Line)
            {
                var parse = IrcMessageParser.TryParse(line, out var message, framer.MaxTagBytes, framer.MaxLineBytes);
                Assert.Equal(parse == IrcParseStatus.Success, message is not null);
                outcomes.Add(new Outcome(status, parse, message));
            }
            else
            {
                outcomes.Add(new Outcome(status, null, null));
            }
        }
    }

    private static string[] Describe(IEnumerable<Outcome> outcomes) => [.. outcomes.Select(o => o.ToString())];

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
