using BenchmarkDotNet.Attributes;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// One direct message between two guests through <c>ChatHub.SendDirectAsync</c>: nick lookup, the
/// message store's append (a store that keeps nothing), the event, its one encode and the
/// recipient's enqueue. The other hot path beside a room message.
/// </summary>
[MemoryDiagnoser]
public class DirectMessageBenchmarks
{
    private const string Text = "hello bob, this is a typical chat line of some sixty bytes long";

    private readonly DiscardWriter _transport = new();
    private ChatHub _hub = null!;
    private ChatSession _sender = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hub = new ChatHub(
            new NoAccounts(), new NoMessages(), new Core.Accounts.AccountOptions(),
            new RoomOptions(), new RoomLimits(), new InMemoryRoomStore(), new NullRoomHistory(), OperatorPolicy.None, TimeProvider.System);
        _sender = _hub.Connect(new OutboxSink(_transport), "127.0.0.1:1");
        _hub.RegisterGuestAsync(_sender, "alice").AsTask().GetAwaiter().GetResult();
        var recipient = _hub.Connect(new OutboxSink(_transport), "127.0.0.1:2");
        _hub.RegisterGuestAsync(recipient, "bob").AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "ChatHub.SendDirectAsync, guest to guest")]
    public ValueTask<SendResult> SendDirect() => _hub.SendDirectAsync(_sender, "bob", Text);
}
