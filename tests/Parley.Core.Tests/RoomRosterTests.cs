using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>The cached, incrementally extended NAMES/MEMBERS order of a room (docs/benchmarks.md, fix 10).</summary>
public sealed class RoomRosterTests
{
    private readonly CountingEncoder _encoder = new();
    private readonly ChatHub _hub = TestHubs.Create(roomLimits: new RoomLimits { MaxMembersPerRoom = 1000 });

    [Fact]
    public async Task Roster_lists_ops_first_then_nicks_in_any_case_order()
    {
        var carol = Register("carol");
        await _hub.Rooms.JoinAsync(carol, "#dev", null);
        foreach (var nick in new[] { "Bob", "alice", "dave" })
            await _hub.Rooms.JoinAsync(Register(nick), "#dev", null);

        var roster = _hub.Rooms.Find("#dev")!.Roster;

        Assert.Equal(["carol", "alice", "Bob", "dave"], roster.Entries.Select(m => m.Session.Nick));
        Assert.Equal(MemberRole.Op, roster.Entries[0].Role);
    }

    [Fact]
    public async Task Roster_after_each_join_reuses_the_last_one_and_matches_a_full_sort()
    {
        var first = Register("m000");
        await _hub.Rooms.JoinAsync(first, "#storm", null);
        var room = _hub.Rooms.Find("#storm")!;
        var previous = room.Roster;
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            await _hub.Rooms.JoinAsync(Register($"u{random.Next(100_000):D5}x{i}"), "#storm", null);
            var roster = room.Roster;

            Assert.NotSame(previous, roster);
            Assert.Same(roster, room.Roster);
            AssertSameOrder(RoomRoster.Build([.. room.Members]), roster);
            previous = roster;
        }
    }

    [Fact]
    public async Task Roster_follows_renames_role_changes_and_parts()
    {
        var op = Register("op");
        await _hub.Rooms.JoinAsync(op, "#dev", null);
        var members = new List<ChatSession>();
        for (var i = 0; i < 20; i++)
        {
            var session = Register($"n{i:D2}");
            members.Add(session);
            await _hub.Rooms.JoinAsync(session, "#dev", null);
        }

        var room = _hub.Rooms.Find("#dev")!;
        _ = room.Roster;

        Assert.Equal(ChatError.None, _hub.Register(members[3], "aaa"));
        Assert.Equal("aaa", room.Roster.Entries[1].Session.Nick);
        AssertSameOrder(RoomRoster.Build([.. room.Members]), room.Roster);

        Assert.Equal(ChatError.None, _hub.Rooms.SetRole(op, "#dev", "n10", MemberRole.Voice, grant: true));
        Assert.Equal("n10", room.Roster.Entries[1].Session.Nick);
        AssertSameOrder(RoomRoster.Build([.. room.Members]), room.Roster);

        Assert.Equal(ChatError.None, _hub.Rooms.Part(members[5], "#dev", null));
        Assert.DoesNotContain(room.Roster.Entries, m => m.Session == members[5]);
        Assert.Equal(20, room.Roster.Count);
        AssertSameOrder(RoomRoster.Build([.. room.Members]), room.Roster);
    }

    private static void AssertSameOrder(RoomRoster expected, RoomRoster actual) =>
        Assert.Equal(
            expected.Entries.Select(m => (m.Session, m.Role)),
            actual.Entries.Select(m => (m.Session, m.Role)));

    private ChatSession Register(string nick)
    {
        var session = _hub.Connect(new RecordingSink(_encoder), "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return session;
    }
}
