using BenchmarkDotNet.Attributes;
using Parley.Core.Events;
using Parley.FrontEnds.Irc;
using Parley.Protocols.Irc;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// A direct message's IRC line for its recipient: the encoder's one-line fast path against the
/// general path it replaced (messages, split, format). One operation is one message, 50-byte text.
/// </summary>
[MemoryDiagnoser]
public class IrcDirectEncodeBenchmarks
{
    private readonly IrcEventEncoder _plain = new("irc.bench", IrcEventTags.None);
    private readonly IrcEventEncoder _allTags = new("irc.bench", IrcEventTags.All);
    private DirectMessageEvent _message = null!;

    [GlobalSetup]
    public void Setup() => _message = new DirectMessageEvent("alice", "bob", new string('x', 50))
    {
        Time = DateTimeOffset.UnixEpoch,
        MessageId = 12345,
        FromAddress = new UserAddress("alice", "parley"),
    };

    [Benchmark(Description = "irc dm encode, no tags: fast path")]
    public byte[] EncodePlain() => _plain.Encode(_message);

    [Benchmark(Description = "irc dm encode, no tags: general path")]
    public int EncodePlainGeneral() => Sum(IrcEventEncoder.ToTaggedMessages("irc.bench", _message, IrcEventTags.None));

    [Benchmark(Description = "irc dm encode, all tags: fast path")]
    public byte[] EncodeAllTags() => _allTags.Encode(_message);

    [Benchmark(Description = "irc dm encode, all tags: general path")]
    public int EncodeAllTagsGeneral() => Sum(IrcEventEncoder.ToTaggedMessages("irc.bench", _message, IrcEventTags.All));

    private static int Sum(IReadOnlyList<IrcMessage> messages)
    {
        var length = 0;
        foreach (var message in messages)
            length += IrcMessageFormatter.Format(message).Length;
        return length;
    }
}
