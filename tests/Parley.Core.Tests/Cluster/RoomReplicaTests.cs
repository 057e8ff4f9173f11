using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests.Cluster;

/// <summary>
/// The rooms' replica of other nodes (RoomHub.Replica), applied as a cluster router applies what
/// other nodes send: joins, leaves, kicks, roles, renames, settings, a node's state and its end.
/// </summary>
public sealed class RoomReplicaTests
{
    private const string B = "node-b";
    private readonly CountingEncoder _encoder = new();
    private readonly ChatHub _hub = TestHubs.Create();

    private RoomHub Rooms => _hub.Rooms;

    private ChatSession Register(string nick)
    {
        var session = _hub.Connect(new RecordingSink(_encoder), "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return session;
    }

    [Fact]
    public async Task A_room_with_members_only_on_another_node_exists_here_and_a_joiner_is_not_its_creator()
    {
        Rooms.ApplyRemoteJoin(B, "#dev", "zoe", MemberRole.Op);
        var alice = Register("alice");

        var joined = await Rooms.JoinAsync(alice, "#dev", key: null);

        Assert.False(joined.Created);
        Assert.Equal(MemberRole.None, joined.Room!.FindMember(alice)!.Role);
        Assert.Equal(["@zoe", "alice"], Rooms.Listing(joined.Room).Select(m => m.Prefix + m.Nick));
        Assert.Equal(2, Rooms.ListedCount(joined.Room));
    }

    [Fact]
    public async Task The_member_limit_counts_members_on_other_nodes()
    {
        Rooms.ApplyRemoteJoin(B, "#one", "zoe", MemberRole.Op);
        Rooms.ApplyRemoteSettings("#one", new RoomSettings(RoomModes.NoExternal | RoomModes.Limited, null, 1, null, [], [], [], []));

        Assert.Equal(ChatError.RoomFull, (await Rooms.JoinAsync(Register("alice"), "#one", key: null)).Error);
    }

    [Fact]
    public async Task Settings_from_another_node_are_checked_at_a_join_here()
    {
        Rooms.ApplyRemoteJoin(B, "#k", "zoe", MemberRole.Op);
        var ban = new BanMask("mallory", "zoe", DateTimeOffset.UnixEpoch);
        Rooms.ApplyRemoteSettings("#k", new RoomSettings(RoomModes.Keyed, "sesame", 0, new RoomTopic("hi", "zoe", DateTimeOffset.UnixEpoch), [ban], [], [], []));

        Assert.Equal(ChatError.Banned, (await Rooms.JoinAsync(Register("mallory"), "#k", "sesame")).Error);
        Assert.Equal(ChatError.BadKey, (await Rooms.JoinAsync(Register("alice"), "#k", "wrong")).Error);
        var joined = await Rooms.JoinAsync(Register("bob"), "#k", "sesame");
        Assert.Equal(ChatError.None, joined.Error);
        Assert.Equal("hi", joined.Room!.Topic?.Text);
    }

    [Fact]
    public async Task A_kick_here_of_a_member_on_another_node_takes_it_out_of_the_replica()
    {
        var alice = Register("alice");
        await Rooms.JoinAsync(alice, "#dev", key: null);
        Rooms.ApplyRemoteJoin(B, "#dev", "zoe", MemberRole.None);

        Assert.Equal(ChatError.None, Rooms.Kick(alice, "#dev", "ZOE", "out"));

        Assert.Equal(0, Rooms.Find("#dev")!.RemoteCount);
        Assert.Equal(ChatError.TargetNotInRoom, Rooms.Kick(alice, "#dev", "zoe", "again"));
    }

    [Fact]
    public async Task A_kick_from_another_node_of_a_session_here_removes_it_and_an_op_given_there_is_an_op_here()
    {
        var alice = Register("alice");
        await Rooms.JoinAsync(alice, "#dev", key: null);
        Rooms.ApplyRemoteJoin(B, "#dev", "zoe", MemberRole.Op);

        Rooms.ApplyRemoteRole(new RoomRoleChangedEvent("#dev", "zoe", "alice", MemberRole.Voice, Granted: true));
        Assert.Equal(MemberRole.Op | MemberRole.Voice, Rooms.Find("#dev")!.FindMember(alice)!.Role);

        var changed = Rooms.ApplyRemoteLeave(B, new RoomMemberLeftEvent("#dev", "alice", RoomLeaveKind.Kicked, "out", "zoe"));

        Assert.NotNull(changed);
        Assert.False(alice.IsInRoom("#dev"));
        Assert.Equal(["@zoe"], Rooms.Listing(changed).Select(m => m.Prefix + m.Nick));
    }

    [Fact]
    public void A_rename_on_another_node_follows_in_every_room_and_a_part_there_removes_only_that_node_s_entry()
    {
        Rooms.ApplyRemoteJoin(B, "#a", "zoe", MemberRole.None);
        Rooms.ApplyRemoteJoin("node-c", "#a", "zed", MemberRole.None);

        Rooms.ApplyRemoteRename(B, "zoe", "zoey");
        Rooms.ApplyRemoteLeave("node-c", new RoomMemberLeftEvent("#a", "zoey", RoomLeaveKind.Parted, null, null));

        Assert.Equal(["zed", "zoey"], Rooms.Listing(Rooms.Find("#a")!).Select(m => m.Nick));
    }

    [Fact]
    public void A_node_s_state_replaces_what_was_known_of_it_and_a_forgotten_node_s_rooms_vanish()
    {
        Rooms.ApplyRemoteJoin(B, "#old", "zoe", MemberRole.Op);
        var settings = new RoomSettings(RoomModes.TopicLocked, null, 0, null, [], [], [], []);

        Rooms.ApplyRemoteNode(B, [new RoomReplicaState("#new", settings, [new RemoteMember("zoe", MemberRole.Op)])]);

        Assert.Null(Rooms.Find("#old"));
        Assert.Equal(RoomModes.TopicLocked, Rooms.Find("#new")!.Modes);
        Rooms.ForgetNode(B);
        Assert.Null(Rooms.Find("#new"));
    }

    [Fact]
    public async Task This_node_s_state_lists_its_rooms_with_their_settings_and_members_once_per_nick()
    {
        var alice = Register("alice");
        await Rooms.JoinAsync(alice, "#dev", key: null);
        await Rooms.SetTopicAsync(alice, "#dev", "topic");
        Rooms.ApplyRemoteJoin(B, "#elsewhere", "zoe", MemberRole.Op);

        var state = Assert.Single(Rooms.LocalStates());

        Assert.Equal("#dev", state.Name);
        Assert.Equal("topic", state.Settings.Topic?.Text);
        Assert.Equal(("alice", MemberRole.Op), (Assert.Single(state.Members).Nick, state.Members[0].Role));
    }

    [Fact]
    public void The_directory_keeps_a_nick_per_node_and_forgets_a_node()
    {
        var directory = new ClusterDirectory();
        directory.Set(new RemoteUser("zoe", "z", "parley", "Zoe") { Node = B });
        directory.Set(new RemoteUser("zoe", "z", "parley", "Zoe") { Node = "node-c" });
        directory.Update(B, "ZOE", user => user with { Away = "out" });

        Assert.Equal(1, directory.Count);
        Assert.Equal("out", directory.Find(B, "zoe")!.Away);
        Assert.Equal(["zoe"], directory.Forget(B));
        Assert.Equal("node-c", directory.Find("zoe")!.Node);
        Assert.Equal(["node-c"], directory.Nodes);
    }
}
