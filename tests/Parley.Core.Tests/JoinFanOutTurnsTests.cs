using Microsoft.Extensions.Time.Testing;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>A join's announcement to a large room goes out in turns, others' work between them (issue 9, fairness).</summary>
public sealed class JoinFanOutTurnsTests
{
    private const int Members = 3 * RoomHub.DeliveriesPerTurn;
    // A fake clock: the presence coalescer's tick (1 s after the members' arrivals began) never
    // delivers to the sinks while the test counts what they got.
    private readonly ChatHub _hub = TestHubs.Create(roomLimits: new RoomLimits { MaxMembersPerRoom = Members + 10 }, time: new FakeTimeProvider());

    [Fact]
    public async Task Join_of_a_large_room_lets_queued_work_run_between_turns_and_tells_everyone_before_it_completes()
    {
        var sinks = new List<RecordingSink>();
        for (var i = 0; i < Members; i++)
        {
            var (session, sink) = Register($"m{i:D4}");
            sinks.Add(sink);
            await _hub.Rooms.JoinAsync(session, "#big", null);
        }

        // The members' own joins into the large room went out through the room's worker, on a
        // pool thread: wait (bounded) until it stopped, so the late join starts one on the context.
        var big = _hub.Rooms.Find("#big")!;
        await big.Announcer.WhenIdle().WaitAsync(TimeSpan.FromSeconds(10));

        var (late, _) = Register("late");
        var context = new ManualSynchronizationContext();
        var told = () => sinks.Count(s => s.Events.OfType<RoomMemberJoinedEvent>().Any(e => e.Nick == "late"));
        int? toldWhenNeighbourRan = null;
        Task<JoinResult> joining;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            joining = _hub.Rooms.JoinAsync(late, "#big", null).AsTask();
            // A neighbour's line, queued while the join is at work.
            context.Post(_ => toldWhenNeighbourRan = told(), null);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.False(joining.IsCompleted);
        for (var turns = 0; turns < 100 && context.RunOne(); turns++)
        {
        }

        var result = await joining.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ChatError.None, result.Error);
        Assert.Equal(Members, told());
        Assert.NotNull(toldWhenNeighbourRan);
        Assert.InRange(toldWhenNeighbourRan.Value, 1, RoomHub.DeliveriesPerTurn);
        // The joiner's list is its join's snapshot: everyone before it, and itself last to arrive.
        Assert.Equal(Members + 1, result.Roster!.Count);
    }

    [Fact]
    public async Task Join_of_a_small_room_tells_the_members_at_once()
    {
        var (first, sink) = Register("first");
        await _hub.Rooms.JoinAsync(first, "#small", null);
        var (second, _) = Register("second");

        var pending = _hub.Rooms.JoinAsync(second, "#small", null);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Single(sink.Events.OfType<RoomMemberJoinedEvent>());
        Assert.Equal(["first", "second"], (await pending).Roster!.Entries.Select(m => m.Session.Nick));
    }

    private (ChatSession Session, RecordingSink Sink) Register(string nick)
    {
        var sink = new RecordingSink();
        var session = _hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return (session, sink);
    }
}
