using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>
/// A room's announcements go through its one announcer (issue 9, fairness; docs/benchmarks.md fix 14):
/// in the order they were made, in turns for a large room, and a crowd leaving never makes the
/// leaving connection's thread deliver to everyone.
/// </summary>
public sealed class RoomAnnouncerTests
{
    private const int Members = 3 * RoomHub.DeliveriesPerTurn;
    private readonly ChatHub _hub = TestHubs.Create(roomLimits: new RoomLimits { MaxMembersPerRoom = Members + 10 });

    [Fact]
    public async Task A_quit_while_the_join_is_still_going_out_reaches_every_member_after_the_join()
    {
        var sinks = await FillAsync("#big");
        var (late, _) = Register("late");
        var context = new ManualSynchronizationContext();
        Task<JoinResult> joining;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            joining = _hub.Rooms.JoinAsync(late, "#big", null).AsTask();
            // The connection drops while its JOIN is still being announced.
            _hub.Disconnect(late, "gone");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        for (var turns = 0; turns < 200 && context.RunOne(); turns++)
        {
        }

        Assert.Equal(ChatError.None, (await joining.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        foreach (var sink in sinks)
        {
            var events = Snapshot(sink);
            var joined = events.FindIndex(e => e is RoomMemberJoinedEvent { Nick: "late" });
            var quit = events.FindIndex(e => e is UserLeftEvent { Nick: "late" });
            Assert.True(joined >= 0 && quit > joined, $"JOIN at {joined}, QUIT at {quit}");
        }
    }

    [Fact]
    public async Task A_quit_from_a_large_room_returns_before_the_members_are_told_and_lets_other_work_run_between_turns()
    {
        var sinks = await FillAsync("#big");
        var leaver = _hub.FindByNick("m0000")!;
        var told = () => sinks.Count(s => Snapshot(s).Exists(e => e is UserLeftEvent { Nick: "m0000" }));
        var context = new ManualSynchronizationContext();
        int? toldWhenNeighbourRan = null;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            _hub.Quit(leaver, "bye");
            Assert.Equal(0, told());
            // A neighbour's line, queued while the quit is going out.
            context.Post(_ => toldWhenNeighbourRan = told(), null);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        for (var turns = 0; turns < 200 && context.RunOne(); turns++)
        {
        }

        Assert.Equal(Members - 1, told());
        Assert.NotNull(toldWhenNeighbourRan);
        Assert.InRange(toldWhenNeighbourRan.Value, 1, RoomHub.DeliveriesPerTurn);
        Assert.False(_hub.Rooms.Find("#big")!.Announcer.IsBusy);
    }

    [Fact]
    public async Task WhenIdle_completes_at_once_when_idle_and_only_once_the_worker_has_delivered_everything()
    {
        var sinks = await FillAsync("#big");
        var announcer = _hub.Rooms.Find("#big")!.Announcer;
        Assert.True(announcer.WhenIdle().IsCompleted);
        var (late, _) = Register("late");
        var context = new ManualSynchronizationContext();
        Task<JoinResult> joining;
        Task idle;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            joining = _hub.Rooms.JoinAsync(late, "#big", null).AsTask();
            idle = announcer.WhenIdle();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.False(idle.IsCompleted);
        for (var turns = 0; turns < 200 && context.RunOne(); turns++)
        {
        }

        await idle.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ChatError.None, (await joining.WaitAsync(TimeSpan.FromSeconds(10))).Error);
        Assert.All(sinks, sink => Assert.Contains(Snapshot(sink), e => e is RoomMemberJoinedEvent { Nick: "late" }));
    }

    private async ValueTask<List<RoomOnlySink>> FillAsync(string room)
    {
        var sinks = new List<RoomOnlySink>();
        for (var i = 0; i < Members; i++)
        {
            var (session, sink) = Register($"m{i:D4}");
            sinks.Add(sink);
            Assert.Equal(ChatError.None, (await _hub.Rooms.JoinAsync(session, room, null)).Error);
        }

        // Every join is told (each JoinAsync awaited its own); the room's worker then finds its
        // queue empty and stops, on a pool thread: wait for that (bounded), so the test's own
        // announcements start a worker of their own.
        var found = _hub.Rooms.Find(room)!;
        await found.Announcer.WhenIdle().WaitAsync(TimeSpan.FromSeconds(10));
        return sinks;
    }

    private static List<ChatEvent> Snapshot(RoomOnlySink sink)
    {
        lock (sink.Events)
            return [.. sink.Events];
    }

    private (ChatSession Session, RoomOnlySink Sink) Register(string nick)
    {
        var sink = new RoomOnlySink();
        var session = _hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return (session, sink);
    }
}
