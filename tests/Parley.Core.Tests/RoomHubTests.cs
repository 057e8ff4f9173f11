using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

public sealed class RoomHubTests
{
    private readonly InMemoryRoomStore _store = new();
    private readonly InMemoryRoomHistory _history = new();
    private readonly MemoryAccountStore _accounts = new();
    private readonly CountingEncoder _encoder = new();
    private readonly ChatHub _hub;

    public RoomHubTests() =>
        _hub = TestHubs.Create(new RoomOptions(), new RoomLimits { MaxRoomsPerUser = 3, MaxMembersPerRoom = 3 }, _store, _history, new OperatorPolicy(["root"]), _accounts);

    private RoomHub Rooms => _hub.Rooms;

    [Fact]
    public async Task Join_new_room_creates_it_plus_n_and_makes_the_creator_an_op()
    {
        var (alice, _) = Register("alice");

        var result = await Rooms.JoinAsync(alice, "#Dev", key: null);

        Assert.Equal(ChatError.None, result.Error);
        Assert.True(result.Created);
        Assert.Equal("#Dev", result.Room!.Name);
        Assert.Equal(MemberRole.Op, Assert.Single(result.Room.Members).Role);
        Assert.Equal(RoomModes.NoExternal, result.Room.Modes);
        Assert.Same(result.Room, Rooms.Find("#dev"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("#")]
    [InlineData("#has space")]
    [InlineData("#ünï")]
    [InlineData("#abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxy")]
    public async Task Join_invalid_name_is_refused(string name)
    {
        var (alice, _) = Register("alice");
        Assert.Equal(ChatError.InvalidRoom, (await Rooms.JoinAsync(alice, name, null)).Error);
        Assert.Equal(0, Rooms.Count);
    }

    [Fact]
    public async Task Join_is_told_to_the_others_and_the_second_member_has_no_role()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        aliceSink.Events.Clear();

        var result = await Rooms.JoinAsync(bob, "#DEV", null);

        Assert.False(result.Created);
        Assert.Equal(MemberRole.None, result.Room!.FindMember(bob)!.Role);
        Assert.Equal("bob", Assert.IsType<RoomMemberJoinedEvent>(Assert.Single(aliceSink.Events)).Nick);
    }

    [Fact]
    public async Task Say_reaches_every_member_once_with_shared_bytes_and_the_sender_gets_an_echo()
    {
        var (alice, aliceSink) = Register("alice");
        var sinks = new List<RecordingSink>();
        await Rooms.JoinAsync(alice, "#dev", null);
        for (var i = 0; i < 2; i++)
        {
            var (member, sink) = Register($"m{i}");
            await Rooms.JoinAsync(member, "#dev", null);
            sinks.Add(sink);
        }

        var (outsider, outsiderSink) = Register("outsider");
        foreach (var sink in sinks.Append(aliceSink).Append(outsiderSink))
        {
            sink.Events.Clear();
            sink.Encoded.Clear();
        }

        var before = _encoder.Encodes;
        var result = await Rooms.SayAsync(alice, "#dev", "hello");

        Assert.Equal(ChatError.None, result.Error);
        Assert.Equal(2, result.Recipients);
        var received = sinks.Select(s => Assert.IsType<RoomMessageEvent>(Assert.Single(s.Events))).ToList();
        Assert.All(received, e => Assert.False(e.IsEcho));
        Assert.Same(received[0], received[1]);
        Assert.True(sinks[0].Encoded[0].Span == sinks[1].Encoded[0].Span);
        // The sender's echo comes back in the result, not through its sink as well.
        Assert.True(Assert.IsType<RoomMessageEvent>(result.Echo).IsEcho);
        Assert.Same(result.Message, result.Echo.Message);
        Assert.Empty(aliceSink.Events);
        Assert.Equal(1, _encoder.Encodes - before);
        Assert.Empty(outsiderSink.Events);
        Assert.Equal(result.Message, Assert.Single((await _history.ReadAsync("#dev", 10, null)).ToList()));
    }

    [Fact]
    public async Task Say_by_non_member_is_refused_and_secret_rooms_do_not_exist_for_outsiders()
    {
        var (alice, _) = Register("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);

        Assert.Equal(ChatError.NotInRoom, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
        Assert.Equal(ChatError.NoSuchRoom, (await Rooms.SayAsync(bob, "#nope", "hi")).Error);
        await Rooms.SetModesAsync(alice, "#dev", RoomModes.Secret, RoomModes.None, null);
        Assert.Equal(ChatError.NoSuchRoom, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
        Assert.Empty(Rooms.VisibleRooms(bob));
        Assert.Single(Rooms.VisibleRooms(alice));
    }

    [Fact]
    public async Task Moderated_room_lets_only_voiced_members_and_ops_speak()
    {
        var (alice, _) = Register("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.JoinAsync(bob, "#dev", null);
        await Rooms.SetModesAsync(alice, "#dev", RoomModes.Moderated, RoomModes.None, null);

        Assert.Equal(ChatError.CannotSend, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
        Assert.Equal(ChatError.None, (await Rooms.SayAsync(alice, "#dev", "hi")).Error);
        Assert.Equal(ChatError.None, Rooms.SetRole(alice, "#dev", "BOB", MemberRole.Voice, grant: true));
        Assert.Equal(ChatError.None, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
    }

    [Fact]
    public async Task Non_op_cannot_kick_or_set_modes_and_another_op_may_deop_the_creator()
    {
        var (alice, _) = Register("alice");
        var (bob, _) = Register("bob");
        var (carol, _) = Register("carol");
        foreach (var s in new[] { alice, bob, carol })
            await Rooms.JoinAsync(s, "#dev", null);

        Assert.Equal(ChatError.NotRoomOperator, Rooms.Kick(bob, "#dev", "carol", null));
        Assert.Equal(ChatError.NotRoomOperator, Rooms.SetRole(bob, "#dev", "bob", MemberRole.Op, true));
        Assert.Equal(ChatError.NotRoomOperator, await Rooms.SetModesAsync(bob, "#dev", RoomModes.InviteOnly, RoomModes.None, null));
        Assert.Equal(ChatError.None, Rooms.SetRole(alice, "#dev", "bob", MemberRole.Op, true));
        Assert.Equal(ChatError.TargetNotInRoom, Rooms.Kick(bob, "#dev", "nobody", null));
        Assert.Equal(ChatError.None, Rooms.Kick(bob, "#dev", "carol", "bye"));
        Assert.Equal(0, carol.RoomCount);
        // The creator of an unregistered room is an op like any other (IRC's "@" channel creator).
        Assert.Equal(ChatError.None, Rooms.SetRole(bob, "#dev", "alice", MemberRole.Op, false));
        Assert.Equal(MemberRole.None, Rooms.Find("#dev")!.FindMember(alice)!.Role);
    }

    [Fact]
    public async Task Only_the_owner_itself_may_deop_the_owner_of_a_registered_room_and_it_keeps_ownership()
    {
        var (alice, _) = await SignInAsync("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#keep", null);
        await Rooms.RegisterAsync(alice, "#keep");
        await Rooms.JoinAsync(bob, "#keep", null);
        Rooms.SetRole(alice, "#keep", "bob", MemberRole.Op, grant: true);

        Assert.Equal(ChatError.NotRoomOperator, Rooms.SetRole(bob, "#keep", "alice", MemberRole.Op, false));
        Assert.Equal(ChatError.NotRoomOperator, Rooms.Kick(bob, "#keep", "alice", null));
        Assert.Equal(ChatError.None, Rooms.SetRole(alice, "#keep", "alice", MemberRole.Op, false));
        Assert.Equal(MemberRole.Owner, Rooms.Find("#keep")!.FindMember(alice)!.Role);
    }

    [Fact]
    public async Task A_room_without_plus_n_takes_messages_from_non_members()
    {
        var (alice, _) = Register("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);

        Assert.Equal(ChatError.NotInRoom, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
        await Rooms.SetModesAsync(alice, "#dev", RoomModes.None, RoomModes.NoExternal, null);
        Assert.Equal(ChatError.None, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
    }

    [Fact]
    public async Task Kick_tells_every_member_including_the_kicked_one()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, bobSink) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.JoinAsync(bob, "#dev", null);
        aliceSink.Events.Clear();

        Rooms.Kick(alice, "#dev", "bob", "spam");

        foreach (var sink in new[] { aliceSink, bobSink })
        {
            var kicked = Assert.IsType<RoomMemberLeftEvent>(sink.Events.Last());
            Assert.Equal(("bob", RoomLeaveKind.Kicked, "spam", "alice"), (kicked.Nick, kicked.Kind, kicked.Reason, kicked.By));
        }
    }

    [Fact]
    public async Task Banned_nick_mask_cannot_join_and_banned_member_cannot_speak_without_voice()
    {
        var (alice, _) = Register("alice");
        var (spammer, _) = Register("spammer1");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.JoinAsync(bob, "#dev", null);

        Assert.Equal(ChatError.None, await Rooms.SetBanAsync(alice, "#dev", "spam*", add: true));
        Assert.Equal(ChatError.None, await Rooms.SetBanAsync(alice, "#dev", "bob@127.0.0.*", add: true));

        Assert.Equal(ChatError.Banned, (await Rooms.JoinAsync(spammer, "#dev", null)).Error);
        Assert.Equal(ChatError.CannotSend, (await Rooms.SayAsync(bob, "#dev", "hi")).Error);
        Assert.Equal(ChatError.InvalidMask, await Rooms.SetBanAsync(alice, "#dev", "bad mask!", add: true));
        await Rooms.SetBanAsync(alice, "#dev", "spam*", add: false);
        Assert.Equal(ChatError.None, (await Rooms.JoinAsync(spammer, "#dev", null)).Error);
    }

    [Fact]
    public async Task Invite_only_and_key_are_enforced_and_an_invite_lets_one_join_through_invite_only()
    {
        var (alice, _) = Register("alice");
        var (bob, bobSink) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.SetModesAsync(alice, "#dev", RoomModes.InviteOnly | RoomModes.Keyed, RoomModes.None, "s3cret");

        Assert.Equal(ChatError.InviteOnly, (await Rooms.JoinAsync(bob, "#dev", "s3cret")).Error);
        Assert.Equal(ChatError.None, Rooms.Invite(alice, "bob", "#dev", out _));
        Assert.IsType<RoomInviteEvent>(bobSink.Events.Last());
        Assert.Equal(ChatError.BadKey, (await Rooms.JoinAsync(bob, "#dev", "wrong")).Error);
        Assert.Equal(ChatError.None, (await Rooms.JoinAsync(bob, "#dev", "s3cret")).Error);
        Rooms.Part(bob, "#dev", null);
        Assert.Equal(ChatError.InviteOnly, (await Rooms.JoinAsync(bob, "#dev", "s3cret")).Error);
    }

    [Fact]
    public async Task Limits_on_rooms_per_user_and_members_per_room_are_enforced()
    {
        var (alice, _) = Register("alice");
        for (var i = 0; i < 3; i++)
            Assert.Equal(ChatError.None, (await Rooms.JoinAsync(alice, $"#r{i}", null)).Error);
        Assert.Equal(ChatError.TooManyRooms, (await Rooms.JoinAsync(alice, "#r3", null)).Error);

        for (var i = 0; i < 2; i++)
            await Rooms.JoinAsync(Register($"u{i}").Session, "#r0", null);
        Assert.Equal(ChatError.RoomFull, (await Rooms.JoinAsync(Register("late").Session, "#r0", null)).Error);
    }

    [Fact]
    public async Task Quit_is_told_to_room_members_and_an_emptied_room_vanishes_with_its_history()
    {
        var (alice, aliceSink) = Register("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.JoinAsync(bob, "#dev", null);
        await Rooms.SayAsync(bob, "#dev", "hi");

        _hub.Quit(bob, "lunch");
        var left = aliceSink.Events.OfType<RoomMemberLeftEvent>().Single();
        Assert.Equal(("bob", RoomLeaveKind.Quit, "lunch"), (left.Nick, left.Kind, left.Reason));

        _hub.Disconnect(alice, "connection closed");
        Assert.Null(Rooms.Find("#dev"));
        Assert.Empty(await _history.ReadAsync("#dev", 10, null));
    }

    [Fact]
    public async Task Join_shows_the_latest_messages_and_history_pages_back_by_id()
    {
        var (alice, _) = Register("alice");
        await Rooms.JoinAsync(alice, "#dev", null);
        for (var i = 0; i < 30; i++)
            await Rooms.SayAsync(alice, "#dev", $"m{i}");
        var (bob, _) = Register("bob");

        var joined = await Rooms.JoinAsync(bob, "#dev", null);
        Assert.Equal(Enumerable.Range(10, 20).Select(i => $"m{i}"), joined.History.Select(m => m.Text));
        Assert.True(joined.History.Zip(joined.History.Skip(1)).All(p => p.First.Id < p.Second.Id));

        var page = await Rooms.ReadHistoryAsync(bob, "#dev", 5, joined.History[0].Id);
        Assert.Equal(Enumerable.Range(5, 5).Select(i => $"m{i}"), page.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Registered_room_is_saved_on_change_stays_when_empty_and_is_restored_by_a_new_hub()
    {
        var (alice, _) = await SignInAsync("alice");
        await Rooms.JoinAsync(alice, "#keep", null);
        Assert.Equal(ChatError.None, await Rooms.RegisterAsync(alice, "#keep"));
        await Rooms.SetTopicAsync(alice, "#keep", "kept topic");
        await Rooms.SetModesAsync(alice, "#keep", RoomModes.TopicLocked, RoomModes.None, null);
        await Rooms.SetBanAsync(alice, "#keep", "spam*", true);
        Rooms.Part(alice, "#keep", null);
        Assert.NotNull(Rooms.Find("#keep"));

        var restarted = TestHubs.Create(new RoomOptions(), new RoomLimits(), _store, new InMemoryRoomHistory(), OperatorPolicy.None);
        Assert.Equal(1, await restarted.Rooms.LoadRegisteredAsync());

        var room = restarted.Rooms.Find("#KEEP")!;
        Assert.Equal(("kept topic", "alice"), (room.Topic!.Text, room.Topic.SetBy));
        Assert.Equal(RoomModes.TopicLocked | RoomModes.NoExternal, room.Modes);
        Assert.Equal("spam*", Assert.Single(room.Bans).Mask);
        Assert.Equal(alice.AccountId, room.OwnerAccountId);
    }

    [Fact]
    public async Task Register_room_needs_a_login_and_op_rights_and_refuses_a_registered_room()
    {
        var (guest, _) = Register("guest");
        var (alice, _) = await SignInAsync("alice");
        var (bob, _) = await SignInAsync("bob");
        await Rooms.JoinAsync(guest, "#dev", null);
        await Rooms.JoinAsync(alice, "#dev", null);
        await Rooms.JoinAsync(bob, "#dev", null);

        Assert.Equal(ChatError.NotLoggedIn, await Rooms.RegisterAsync(guest, "#dev"));
        Assert.Equal(ChatError.NotRoomOperator, await Rooms.RegisterAsync(alice, "#dev"));
        Rooms.SetRole(guest, "#dev", "alice", MemberRole.Op, grant: true);
        Assert.Equal(ChatError.None, await Rooms.RegisterAsync(alice, "#dev"));
        Assert.Equal(ChatError.RoomRegistered, await Rooms.RegisterAsync(alice, "#dev"));

        var room = Rooms.Find("#dev")!;
        Assert.Equal(MemberRole.Owner | MemberRole.Op, room.FindMember(alice)!.Role);
        Assert.Equal(MemberRole.Op, room.FindMember(guest)!.Role);
        Assert.Equal(ChatError.NotRoomOwner, await Rooms.UnregisterAsync(bob, "#dev"));
    }

    [Fact]
    public async Task Unregistered_empty_room_vanishes_with_its_record()
    {
        var (alice, _) = await SignInAsync("alice");
        await Rooms.JoinAsync(alice, "#keep", null);
        await Rooms.RegisterAsync(alice, "#keep");
        Rooms.Part(alice, "#keep", null);

        Assert.Equal(ChatError.None, await Rooms.UnregisterAsync(alice, "#keep"));

        Assert.Null(Rooms.Find("#keep"));
        Assert.Empty(await _store.LoadAllAsync());
        Assert.Equal(ChatError.NoSuchRoom, await Rooms.UnregisterAsync(alice, "#keep"));
    }

    [Fact]
    public async Task Owner_account_gets_owner_and_op_on_joining_its_registered_room_from_any_device()
    {
        var (alice, _) = await SignInAsync("alice");
        var (bob, _) = Register("bob");
        await Rooms.JoinAsync(alice, "#keep", null);
        await Rooms.RegisterAsync(alice, "#keep");
        Rooms.Part(alice, "#keep", null);

        await Rooms.JoinAsync(bob, "#keep", null);
        var phone = _hub.Connect(new RecordingSink(_encoder), "127.0.0.1:2");
        await _hub.SignInAsync(phone, (await _accounts.FindAsync("alice"))!);
        var joined = await Rooms.JoinAsync(phone, "#keep", null);

        Assert.False(joined.Created);
        Assert.Equal(MemberRole.None, joined.Room!.FindMember(bob)!.Role);
        Assert.Equal(MemberRole.Owner | MemberRole.Op, joined.Room.FindMember(phone)!.Role);
    }

    [Fact]
    public async Task Ban_by_account_matches_the_login_not_the_nick_or_address()
    {
        var (alice, _) = await SignInAsync("alice");
        var (bob, _) = await SignInAsync("bob");
        var (guest, _) = Register("bobby");
        await Rooms.JoinAsync(alice, "#dev", null);

        Assert.Equal(ChatError.InvalidMask, await Rooms.SetBanAsync(alice, "#dev", "~bob@10.*", true));
        Assert.Equal(ChatError.None, await Rooms.SetBanAsync(alice, "#dev", "~bob", true));

        Assert.Equal(ChatError.Banned, (await Rooms.JoinAsync(bob, "#dev", null)).Error);
        Assert.Equal(ChatError.None, (await Rooms.JoinAsync(guest, "#dev", null)).Error);
    }

    [Fact]
    public async Task Kill_and_server_bans_need_an_operator_logged_in_to_its_account()
    {
        var (root, _) = await SignInAsync("root");
        var (bob, bobSink) = Register("bob");
        var (rootGuest, _) = Register("Root2");

        Assert.Equal(ChatError.NotServerOperator, _hub.Kill(bob, "root", null, out _));
        Assert.Equal(ChatError.NotServerOperator, _hub.BanAddress(bob, "10.*", null, out _));
        Assert.False(_hub.Operators.IsOperator(rootGuest));
        Assert.Equal(ChatError.None, _hub.Kill(root, "BOB", "spam", out var killed));
        Assert.Equal("bob", killed);
        Assert.Equal("killed by root: spam", bobSink.ClosedWith);
    }

    [Fact]
    public void Guest_using_an_operator_name_is_no_operator()
    {
        // "root" is an operator name, but not an account here: a guest may hold the nick, not the rights.
        var (guest, _) = Register("root");

        Assert.False(_hub.Operators.IsOperator(guest));
        Assert.Equal(ChatError.NotServerOperator, _hub.Kill(guest, "root", null, out _));
    }

    [Fact]
    public async Task Server_ban_closes_matching_connections_but_not_operators_and_refuses_new_ones()
    {
        var (root, rootSink) = await SignInAsync("root");
        var (bob, bobSink) = Register("bob");

        Assert.Equal(ChatError.None, _hub.BanAddress(root, "127.0.0.*", "abuse", out var disconnected));

        Assert.Equal(1, disconnected);
        Assert.Equal("banned from this server: abuse", bobSink.ClosedWith);
        Assert.Null(rootSink.ClosedWith);
        var newcomer = new RecordingSink(_encoder);
        _hub.Connect(newcomer, "127.0.0.9:4000");
        Assert.Equal("banned from this server: abuse", newcomer.ClosedWith);
        var other = new RecordingSink(_encoder);
        _hub.Connect(other, "[::1]:4000");
        Assert.Null(other.ClosedWith);
    }

    [Fact]
    public async Task Server_ban_by_account_closes_its_sessions_and_refuses_its_sign_in()
    {
        var (root, _) = await SignInAsync("root");
        var (_, bobSink) = await SignInAsync("bob");

        Assert.Equal(ChatError.None, _hub.BanAddress(root, "~BOB", null, out var disconnected));

        Assert.Equal(1, disconnected);
        Assert.Equal("banned from this server", bobSink.ClosedWith);
        var again = _hub.Connect(new RecordingSink(_encoder), "127.0.0.1:5");
        Assert.Equal(ChatError.ServerBanned, (await _hub.SignInAsync(again, (await _accounts.FindAsync("bob"))!)).Error);
        Assert.True(_hub.IsAccountBanned("bob"));
        Assert.False(_hub.IsAccountBanned("root"));
    }

    [Theory]
    [InlineData("spam*", "spammer", true)]
    [InlineData("spam*", "Spam", true)]
    [InlineData("sp?m", "spam", true)]
    [InlineData("spam", "spammer", false)]
    [InlineData("*", "anyone", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void Glob_matches_wildcards_case_insensitively(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));

    [Fact]
    public void Message_ids_increase_even_within_one_millisecond()
    {
        var ids = new MessageIds(TimeProvider.System);
        var taken = Enumerable.Range(0, 10_000).Select(_ => ids.Next()).ToList();
        Assert.True(taken.Zip(taken.Skip(1)).All(p => p.First < p.Second));
    }

    private async Task<(ChatSession Session, RecordingSink Sink)> SignInAsync(string nick)
    {
        var sink = new RecordingSink(_encoder);
        var session = _hub.Connect(sink, "127.0.0.1:1");
        var account = await _accounts.CreateAsync(nick, "hash", DateTimeOffset.UtcNow) ?? (await _accounts.FindAsync(nick))!;
        Assert.Equal(ChatError.None, (await _hub.SignInAsync(session, account)).Error);
        return (session, sink);
    }

    private (ChatSession Session, RecordingSink Sink) Register(string nick)
    {
        var sink = new RecordingSink(_encoder);
        var session = _hub.Connect(sink, "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return (session, sink);
    }
}
