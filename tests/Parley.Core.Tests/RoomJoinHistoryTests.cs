using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>How much history a join reads: the room's default, or the front-end's own count (IRC's auto-replay).</summary>
public sealed class RoomJoinHistoryTests
{
    private readonly ChatHub _hub = TestHubs.Create(new RoomOptions { HistoryOnJoin = 20 });

    [Fact]
    public async Task Join_with_a_history_count_returns_that_many_latest_messages_and_zero_reads_none()
    {
        var alice = Register("alice");
        await _hub.Rooms.JoinAsync(alice, "#dev", null);
        for (var i = 0; i < 5; i++)
            await (await _hub.Rooms.SayAsync(alice, "#dev", $"m{i}")).Committed;

        var two = await _hub.Rooms.JoinAsync(Register("bob"), "#dev", null, historyCount: 2);
        var none = await _hub.Rooms.JoinAsync(Register("carol"), "#dev", null, historyCount: 0);
        var byDefault = await _hub.Rooms.JoinAsync(Register("dave"), "#dev", null);

        Assert.Equal(["m3", "m4"], two.History.Select(m => m.Text));
        Assert.Empty(none.History);
        Assert.Equal(5, byDefault.History.Count);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _hub.Rooms.JoinAsync(Register("erin"), "#dev", null, historyCount: -1));
    }

    private ChatSession Register(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return session;
    }
}
