using BenchmarkDotNet.Attributes;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.FrontEnds.Line;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// One room message to every member of a room: the hot path of a chat server.
/// <list type="bullet">
/// <item><see cref="SayToRoom"/>: the whole core path, <c>RoomHub.SayAsync</c> (membership check, id,
/// event, one encode, one enqueue per member, the sender's echo).</item>
/// <item><see cref="FanOutSharedBytes"/>: just the fan-out loop over the member array, one shared encoding.</item>
/// <item><see cref="FanOutEncodePerMember"/>: the same loop encoding a fresh line per member, the cost the
/// shared encoding avoids.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class RoomFanOutBenchmarks
{
    private const string RoomName = "#bench";
    private const string Text = "hello everyone, this is a typical chat line of some sixty bytes";

    private readonly DiscardWriter _transport = new();
    private ChatHub _hub = null!;
    private ChatSession _sender = null!;
    private Room _room = null!;
    private RoomMessage _message = null!;

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
            var session = _hub.Connect(new OutboxSink(_transport), "127.0.0.1:1");
            _hub.RegisterGuestAsync(session, $"member{i}").AsTask().GetAwaiter().GetResult();
            var joined = _hub.Rooms.JoinAsync(session, RoomName, key: null).AsTask().GetAwaiter().GetResult();
            if (joined.Error != ChatError.None)
                throw new InvalidOperationException($"join failed: {joined.Error}");
            _sender ??= session;
        }

        _room = _hub.Rooms.Find(RoomName)!;
        _message = new RoomMessage(1, RoomName, "member0", Text, DateTimeOffset.UtcNow);
    }

    [Benchmark(Description = "RoomHub.SayAsync to N members")]
    public ValueTask<RoomSendResult> SayToRoom() => _hub.Rooms.SayAsync(_sender, RoomName, Text);

    [Benchmark(Baseline = true, Description = "fan-out, one shared encoding")]
    public int FanOutSharedBytes()
    {
        var chatEvent = new RoomMessageEvent(_message, IsEcho: false);
        var members = _room.Members;
        foreach (var member in members)
            member.Session.Sink.Deliver(chatEvent);
        return members.Length;
    }

    [Benchmark(Description = "fan-out, encoding per member")]
    public int FanOutEncodePerMember()
    {
        var members = _room.Members;
        foreach (var member in members)
            member.Session.Sink.Deliver(new RoomMessageEvent(_message, IsEcho: false));
        return members.Length;
    }
}
