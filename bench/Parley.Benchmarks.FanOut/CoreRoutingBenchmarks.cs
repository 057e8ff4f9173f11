using BenchmarkDotNet.Attributes;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// The core's routing alone, over sinks that only count: a room message to N members and a DM,
/// with nothing encoded or queued, so the bytes per operation are the hub's and the router's own
/// (deterministic, unlike the outbox benchmarks whose ring and flushes amortise differently per run).
/// </summary>
[MemoryDiagnoser]
public class CoreRoutingBenchmarks
{
    private const string RoomName = "#bench";
    private const string Text = "hello everyone, this is a typical chat line of some sixty bytes";

    private ChatHub _hub = null!;
    private ChatSession _sender = null!;

    [Params(1000)]
    public int Members { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hub = new ChatHub(
            new NoAccounts(), new NoMessages(), new Core.Accounts.AccountOptions(),
            new RoomOptions { HistoryOnJoin = 0 }, new RoomLimits { MaxMembersPerRoom = Members }, new InMemoryRoomStore(), new NullRoomHistory(), OperatorPolicy.None, TimeProvider.System);
        for (var i = 0; i < Members; i++)
        {
            var session = _hub.Connect(new CountingSink(), "127.0.0.1:1");
            _hub.RegisterGuestAsync(session, $"member{i}").AsTask().GetAwaiter().GetResult();
            _hub.Rooms.JoinAsync(session, RoomName, key: null).AsTask().GetAwaiter().GetResult();
            _sender ??= session;
        }
    }

    [Benchmark(Description = "core: room message to N members, counting sinks")]
    public ValueTask<RoomSendResult> SayToRoom() => _hub.Rooms.SayAsync(_sender, RoomName, Text);

    [Benchmark(Description = "core: DM guest to guest, counting sinks")]
    public ValueTask<SendResult> SendDirect() => _hub.SendDirectAsync(_sender, "member1", Text);
}
