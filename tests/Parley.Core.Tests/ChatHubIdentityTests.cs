using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>What protocols with full addresses (IRC) need from the core: user names, hosts, times, away, notices.</summary>
public sealed class ChatHubIdentityTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
    private readonly MemoryAccountStore _accounts = new();
    private readonly ChatHub _hub;
    private readonly AccountService _service;
    private readonly CountingEncoder _encoder = new();

    public ChatHubIdentityTests()
    {
        _hub = TestHubs.Create(accounts: _accounts, time: new FixedTime(Now));
        _service = new AccountService(_hub, _accounts, new MemoryCertificateStore(_accounts), new FakeHashing(), new FakeThrottle(), TimeProvider.System);
    }

    [Fact]
    public async Task SendDirect_with_user_info_delivers_event_with_address_time_and_notice_flag()
    {
        var (alice, _) = Connect("alice");
        var (bob, bobSink) = Connect("bob");
        alice.SetUserInfo("al", "Alice A");

        var result = await _hub.SendDirectAsync(alice, "BOB", "hi", notice: true);

        Assert.Equal(ChatError.None, result.Error);
        var message = result.Message!;
        Assert.Same(message, Assert.Single(bobSink.Events));
        Assert.Equal("bob", result.Recipient);
        Assert.False(result.ToSelf);
        Assert.Equal(new UserAddress("al", ChatSession.CloakedHost), message.FromAddress);
        Assert.Equal(Now, message.Time);
        Assert.True(message.IsNotice);
        Assert.Equal("Alice A", alice.RealName);
        Assert.Equal("bob", bob.UserName);
    }

    [Fact]
    public async Task Message_to_an_offline_account_is_stored_and_still_returns_the_event_to_echo()
    {
        await CreateOfflineAccountAsync("carol");
        var (alice, _) = Connect("alice");

        var result = await _hub.SendDirectAsync(alice, "carol", "later", notice: false);

        Assert.Equal((ChatError.None, "carol", false), (result.Error, result.Recipient, result.Delivered));
        Assert.Equal(("alice", "carol", "later"), (result.Message!.From, result.Message.To, result.Message.Text));
        var sink = new RecordingSink();
        await _service.LoginAsync(_hub.Connect(sink, "c"), "carol", "correct-horse");
        var missed = Assert.Single(sink.Events.OfType<MissedMessageEvent>());
        Assert.Equal("later", missed.Message.Text);
        Assert.Equal(missed.Message.SentUtc, missed.Time);
    }

    [Fact]
    public async Task Notice_to_an_offline_account_is_neither_delivered_nor_stored()
    {
        await CreateOfflineAccountAsync("carol");
        var (alice, _) = Connect("alice");

        var result = await _hub.SendDirectAsync(alice, "carol", "ping", notice: true);

        Assert.Equal(ChatError.NoSuchNick, result.Error);
        var sink = new RecordingSink();
        await _service.LoginAsync(_hub.Connect(sink, "c"), "carol", "correct-horse");
        Assert.Empty(sink.Events.OfType<MissedMessageEvent>());
    }

    [Fact]
    public async Task Message_to_oneself_is_marked_so_the_sender_does_not_echo_it()
    {
        var (alice, aliceSink) = Connect("alice");

        var result = await _hub.SendDirectAsync(alice, "alice", "note", notice: false);

        Assert.True(result.ToSelf);
        Assert.Same(result.Message, Assert.Single(aliceSink.Events));
    }

    [Fact]
    public void Session_without_user_info_uses_its_nick_as_user_and_real_name()
    {
        var (alice, _) = Connect("alice");

        Assert.Equal("alice", alice.UserName);
        Assert.Equal("alice", alice.RealName);
        Assert.Equal("parley", alice.Host);
        Assert.Equal(new UserAddress("alice", "parley"), alice.UserAddress);
    }

    [Fact]
    public void UserAddress_is_one_instance_until_the_user_name_or_host_changes()
    {
        var (alice, _) = Connect("alice");

        var first = alice.UserAddress;
        Assert.Same(first, alice.UserAddress);

        alice.SetUserInfo("al", null);
        var renamed = alice.UserAddress;
        Assert.Equal(new UserAddress("al", "parley"), renamed);
        Assert.Same(renamed, alice.UserAddress);
    }

    [Fact]
    public void SetAway_with_text_marks_away_and_empty_marks_back()
    {
        var (alice, _) = Connect("alice");

        _hub.SetAway(alice, "lunch");
        Assert.Equal("lunch", alice.AwayMessage);
        Assert.Equal("lunch", _hub.AwayMessageOf("ALICE"));
        _hub.SetAway(alice, "");
        Assert.Null(alice.AwayMessage);
        Assert.Null(_hub.AwayMessageOf("alice"));
    }

    [Fact]
    public async Task An_account_is_away_only_when_every_device_is_away()
    {
        await _service.RegisterAsync(_hub.Connect(new RecordingSink(), "a"), "dave", "correct-horse");
        var phone = _hub.Connect(new RecordingSink(), "b");
        await _service.LoginAsync(phone, "dave", "correct-horse");
        var laptop = _hub.FindSessions("dave")[0];
        var (alice, _) = Connect("alice");

        _hub.SetAway(phone, "on the train");
        var present = await _hub.SendDirectAsync(alice, "dave", "hi", notice: false);
        _hub.SetAway(laptop, "asleep");
        var away = await _hub.SendDirectAsync(alice, "dave", "hi", notice: false);

        Assert.Null(present.RecipientAway);
        Assert.NotNull(away.RecipientAway);
        Assert.NotNull(_hub.AwayMessageOf("dave"));
    }

    [Fact]
    public void Quit_announces_the_leaver_with_address_and_time()
    {
        var (alice, _) = Connect("alice");
        var (_, bobSink) = Connect("bob");

        _hub.Quit(alice, "bye");

        var left = Assert.IsType<UserLeftEvent>(Assert.Single(bobSink.Events));
        Assert.Equal(new UserAddress("alice", "parley"), left.Address);
        Assert.Equal(Now, left.Time);
    }

    [Fact]
    public void Broadcast_carries_the_hub_time_and_the_sender_address()
    {
        var (alice, _) = Connect("alice");
        var (_, bobSink) = Connect("bob");
        alice.SetUserInfo("al", null);

        _hub.Broadcast(alice, "all");

        var broadcast = Assert.IsType<BroadcastEvent>(Assert.Single(bobSink.Events));
        Assert.Equal((Now, new UserAddress("al", "parley")), (broadcast.Time, broadcast.FromAddress));
        Assert.Equal(Now, _hub.Time.GetUtcNow());
    }

    private async Task CreateOfflineAccountAsync(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "x");
        Assert.Equal(ChatError.None, (await _service.RegisterAsync(session, nick, "correct-horse")).Error);
        Assert.Equal(ChatError.None, _hub.SignOut(session));
    }

    private (ChatSession Session, RecordingSink Sink) Connect(string nick)
    {
        var sink = new RecordingSink(_encoder);
        var session = _hub.Connect(sink, "test");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        sink.Events.Clear();
        return (session, sink);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
