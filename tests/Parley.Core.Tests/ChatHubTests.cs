using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

public sealed class ChatHubTests
{
    private readonly ChatHub _hub = TestHubs.Create();
    private readonly CountingEncoder _encoder = new();

    [Fact]
    public void Register_free_nick_succeeds_and_others_are_told()
    {
        var (alice, aliceSink) = Connect();
        var (bob, _) = Connect();
        _hub.Register(alice, "alice");

        Assert.Equal(ChatError.None, _hub.Register(bob, "Bob"));

        Assert.Equal("Bob", Assert.IsType<UserJoinedEvent>(Assert.Single(aliceSink.Events)).Nick);
        Assert.Equal(2, _hub.RegisteredCount);
    }

    [Fact]
    public void Register_nick_held_by_another_session_in_any_case_is_refused()
    {
        var (alice, _) = Connect();
        var (other, _) = Connect();
        _hub.Register(alice, "alice");

        Assert.Equal(ChatError.NickTaken, _hub.Register(other, "ALICE"));
        Assert.False(other.IsRegistered);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("#room")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("ünicode")]
    public void Register_invalid_nick_is_refused(string nick)
    {
        var (session, _) = Connect();
        Assert.Equal(ChatError.InvalidNick, _hub.Register(session, nick));
    }

    [Fact]
    public void Register_again_renames_frees_the_old_nick_and_tells_others()
    {
        var (alice, aliceSink) = Connect();
        var (bob, _) = Connect();
        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");

        Assert.Equal(ChatError.None, _hub.Register(bob, "robert"));

        var renamed = Assert.IsType<NickChangedEvent>(aliceSink.Events.Last());
        Assert.Equal(("bob", "robert"), (renamed.OldNick, renamed.NewNick));
        var (carol, _) = Connect();
        Assert.Equal(ChatError.None, _hub.Register(carol, "bob"));
    }

    [Fact]
    public async Task SendDirect_reaches_only_the_recipient()
    {
        var (alice, _) = Connect();
        var (bob, bobSink) = Connect();
        var (carol, carolSink) = Connect();
        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");
        _hub.Register(carol, "carol");
        carolSink.Events.Clear();
        bobSink.Events.Clear();

        var sent = await _hub.SendDirectAsync(alice, "BOB", "hi");

        Assert.Equal((ChatError.None, "bob"), (sent.Error, sent.Recipient));
        var dm = Assert.IsType<DirectMessageEvent>(Assert.Single(bobSink.Events));
        Assert.Equal(("alice", "bob", "hi"), (dm.From, dm.To, dm.Text));
        Assert.Empty(carolSink.Events);
    }

    [Fact]
    public async Task SendDirect_with_client_tags_carries_them_and_the_stored_id_but_no_account_for_a_guest()
    {
        var (alice, _) = Connect();
        var (bob, bobSink) = Connect();
        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");
        bobSink.Events.Clear();

        var sent = await _hub.SendDirectAsync(alice, "bob", "hi", notice: false, [KeyValuePair.Create("+typing", "done")]);

        var dm = Assert.IsType<DirectMessageEvent>(Assert.Single(bobSink.Events));
        Assert.Same(sent.Message, dm);
        Assert.NotNull(dm.MessageId);
        Assert.Null(dm.FromAccount);
        Assert.Equal([KeyValuePair.Create("+typing", "done")], dm.ClientTags);
    }

    [Fact]
    public void SendTags_reaches_the_online_nick_only_and_refuses_others()
    {
        var (alice, _) = Connect();
        var (bob, bobSink) = Connect();
        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");
        bobSink.Events.Clear();

        var sent = _hub.SendTags(alice, "BOB", [KeyValuePair.Create("+typing", "active")]);

        Assert.Equal((ChatError.None, "bob"), (sent.Error, sent.Recipient));
        var tags = Assert.IsType<TagMessageEvent>(Assert.Single(bobSink.Events));
        Assert.Same(sent.Tags, tags);
        Assert.Equal(("alice", "bob"), (tags.From, tags.To));
        Assert.Equal(ChatError.NoSuchNick, _hub.SendTags(alice, "nobody", []).Error);
    }

    [Fact]
    public async Task SendDirect_to_unknown_nick_or_from_unregistered_session_is_refused()
    {
        var (alice, _) = Connect();
        var (guest, _) = Connect();
        _hub.Register(alice, "alice");

        Assert.Equal(ChatError.NoSuchNick, (await _hub.SendDirectAsync(alice, "nobody", "hi")).Error);
        Assert.Equal(ChatError.NotRegistered, (await _hub.SendDirectAsync(guest, "alice", "hi")).Error);
    }

    [Fact]
    public void Broadcast_to_many_encodes_once_and_shares_the_same_bytes()
    {
        var (sender, senderSink) = Connect();
        _hub.Register(sender, "sender");
        var sinks = new List<RecordingSink>();
        for (var i = 0; i < 100; i++)
        {
            var (session, sink) = Connect();
            _hub.Register(session, $"u{i}");
            sinks.Add(sink);
        }

        var encodesBefore = _encoder.Encodes;
        var sent = _hub.Broadcast(sender, "hello");

        Assert.Equal((ChatError.None, 100), (sent.Error, sent.Recipients));
        Assert.Equal(1, _encoder.Encodes - encodesBefore);
        var first = sinks[0].Encoded[^1];
        Assert.All(sinks, s => Assert.True(s.Encoded[^1].Equals(first), "recipients share one buffer"));
        Assert.DoesNotContain(senderSink.Events, e => e is BroadcastEvent);
    }

    [Fact]
    public void Quit_and_disconnect_tell_others_once_and_free_the_nick()
    {
        var (alice, aliceSink) = Connect();
        var (bob, _) = Connect();
        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");

        _hub.Quit(bob, "bye");
        _hub.Disconnect(bob, "connection closed");

        var left = Assert.IsType<UserLeftEvent>(Assert.Single(aliceSink.Events, e => e is UserLeftEvent));
        Assert.Equal(("bob", true, "bye"), (left.Nick, left.Quit, left.Reason));
        Assert.Equal(["alice"], _hub.OnlineNicks());
        Assert.Equal(1, _hub.SessionCount);
    }

    [Fact]
    public void Session_counts_follow_connects_registrations_renames_and_leaves()
    {
        var (alice, _) = Connect();
        var (bob, _) = Connect();
        var (idle, _) = Connect();
        Assert.Equal((3, 0, 3), (_hub.SessionCount, _hub.RegisteredCount, _hub.UnregisteredCount));

        _hub.Register(alice, "alice");
        _hub.Register(bob, "bob");
        _hub.Register(bob, "bobby");
        Assert.Equal((3, 2, 1), (_hub.SessionCount, _hub.RegisteredCount, _hub.UnregisteredCount));

        _hub.Quit(bob, null);
        _hub.Disconnect(bob, "connection closed");
        _hub.Disconnect(idle, "connection closed");
        Assert.Equal((1, 1, 0), (_hub.SessionCount, _hub.RegisteredCount, _hub.UnregisteredCount));

        _hub.Disconnect(alice, "connection closed");
        Assert.Equal((0, 0, 0), (_hub.SessionCount, _hub.RegisteredCount, _hub.UnregisteredCount));
    }

    [Fact]
    public void Shutdown_notifies_and_closes_every_session_and_announces_no_departures()
    {
        var (alice, aliceSink) = Connect();
        var (guest, guestSink) = Connect();
        _hub.Register(alice, "alice");

        _hub.Shutdown();
        _hub.Disconnect(guest, "closed");

        Assert.All(new[] { aliceSink, guestSink }, s =>
        {
            Assert.IsType<ServerNoticeEvent>(s.Events.Last());
            Assert.Equal("server shutting down", s.ClosedWith);
        });
        Assert.DoesNotContain(aliceSink.Events, e => e is UserLeftEvent);
        var (late, lateSink) = Connect();
        Assert.Equal("server shutting down", lateSink.ClosedWith);
        Assert.False(late.IsRegistered);
    }

    private (ChatSession Session, RecordingSink Sink) Connect()
    {
        var sink = new RecordingSink(_encoder);
        return (_hub.Connect(sink, "127.0.0.1:1"), sink);
    }
}
