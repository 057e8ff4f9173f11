using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>
/// The nick separate from the account (IRC keeps the nick a client chose at SASL, as Ergo does):
/// the session holds its nick, the account is its account, and routing to the account finds it.
/// </summary>
public sealed class ChatHubAccountNickTests
{
    private const string Password = "correct-horse";
    private readonly MemoryAccountStore _accounts = new();
    private readonly ChatHub _hub;
    private readonly AccountService _service;

    public ChatHubAccountNickTests()
    {
        _hub = new ChatHub(_accounts, new MemoryMessageStore(), new AccountOptions { MaxSessionsPerAccount = 2 }, TimeProvider.System);
        _service = new AccountService(_hub, _accounts, new MemoryCertificateStore(_accounts), new FakeHashing(), new FakeThrottle(), TimeProvider.System);
    }

    [Fact]
    public async Task Sign_in_with_a_nick_keeps_it_and_names_the_account_separately()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        var session = _hub.Connect(new RecordingSink(), "a");

        var result = await _hub.SignInAsync(session, alice, "coolnick");

        Assert.Equal((ChatError.None, "coolnick", "alice"), (result.Error, result.Nick, result.Account));
        Assert.Equal(("coolnick", "alice", alice.Id), (session.Nick, session.AccountName, session.AccountId));
        Assert.True(_hub.IsOnline("coolnick"));
        Assert.False(_hub.IsOnline("alice"));
    }

    [Fact]
    public async Task Sign_in_with_another_accounts_name_or_a_taken_nick_is_refused()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        await CreateOfflineAccountAsync("carol");
        _hub.Register(_hub.Connect(new RecordingSink(), "g"), "guest");

        Assert.Equal(ChatError.NickRegistered, (await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, "carol")).Error);
        Assert.Equal(ChatError.NickTaken, (await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, "guest")).Error);
        Assert.Equal(ChatError.NickTaken, (await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, ServiceNicks.NickServ)).Error);
    }

    [Fact]
    public async Task Message_to_the_account_name_reaches_its_other_nicks_addressed_to_each()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        var sink = new RecordingSink();
        await _hub.SignInAsync(_hub.Connect(sink, "a"), alice, "coolnick");
        var bob = _hub.Connect(new RecordingSink(), "b");
        _hub.Register(bob, "bob");

        var result = await _hub.SendDirectAsync(bob, "alice", "hi");

        Assert.True(result.Delivered);
        var message = Assert.Single(sink.Events.OfType<DirectMessageEvent>());
        Assert.Equal(("bob", "coolnick", "hi"), (message.From, message.To, message.Text));
    }

    [Fact]
    public async Task Stored_messages_at_sign_in_are_shown_to_the_kept_nick()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        var bob = _hub.Connect(new RecordingSink(), "b");
        _hub.Register(bob, "bob");
        await _hub.SendDirectAsync(bob, "alice", "later");
        var sink = new RecordingSink();

        await _hub.SignInAsync(_hub.Connect(sink, "a"), alice, "coolnick");

        var missed = Assert.Single(sink.Events.OfType<MissedMessageEvent>());
        Assert.Equal(("later", "coolnick"), (missed.Message.Text, missed.ShownTo));
    }

    [Fact]
    public async Task Sessions_under_other_nicks_count_towards_the_accounts_session_cap()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, "one");
        await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, null);

        var third = await _hub.SignInAsync(_hub.Connect(new RecordingSink(), "a"), alice, "three");

        Assert.Equal(ChatError.TooManySessions, third.Error);
        Assert.Equal(2, _hub.FindAccountSessions(alice.Id, "alice").Count);
    }

    [Fact]
    public async Task A_kept_nick_that_leaves_no_longer_receives_the_accounts_messages()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        var sink = new RecordingSink();
        var session = _hub.Connect(sink, "a");
        await _hub.SignInAsync(session, alice, "coolnick");
        var bob = _hub.Connect(new RecordingSink(), "b");
        _hub.Register(bob, "bob");

        _hub.Quit(session, null);
        var result = await _hub.SendDirectAsync(bob, "alice", "stored now");

        Assert.False(result.Delivered);
        Assert.Empty(_hub.FindAccountSessions(alice.Id, "alice"));
    }

    [Fact]
    public async Task Signed_in_nick_change_takes_a_free_nick_or_the_account_name_but_not_another_account()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        await CreateOfflineAccountAsync("carol");
        var session = _hub.Connect(new RecordingSink(), "a");
        await _hub.SignInAsync(session, alice, "coolnick");

        Assert.Equal(ChatError.NickRegistered, await _hub.ChangeSignedInNickAsync(session, "carol"));
        Assert.Equal(ChatError.None, await _hub.ChangeSignedInNickAsync(session, "other"));
        Assert.Equal(("other", "alice"), (session.Nick, session.AccountName));
        Assert.False(_hub.IsOnline("coolnick"));
        Assert.Equal(ChatError.None, await _hub.ChangeSignedInNickAsync(session, "ALICE"));
        Assert.Equal(("alice", "alice"), (session.Nick, session.AccountName));
        Assert.False(_hub.IsOnline("other"));
    }

    [Fact]
    public async Task Guest_signing_in_under_its_nick_keeps_it_and_its_room_peers_learn_the_account()
    {
        var alice = await CreateOfflineAccountAsync("alice");
        var guest = _hub.Connect(new RecordingSink(), "a");
        _hub.Register(guest, "coolnick");
        var peerSink = new RecordingSink();
        var peer = _hub.Connect(peerSink, "p");
        _hub.Register(peer, "peer");
        await _hub.Rooms.JoinAsync(peer, "#c", null);
        await _hub.Rooms.JoinAsync(guest, "#c", null);

        var result = await _hub.SignInAsync(guest, alice, guest.Nick);

        Assert.Equal((ChatError.None, "coolnick"), (result.Error, guest.Nick));
        var changed = Assert.Single(peerSink.Events.OfType<AccountChangedEvent>());
        Assert.Equal(("coolnick", "alice"), (changed.Nick, changed.Account));
        Assert.Empty(peerSink.Events.OfType<NickChangedEvent>());
    }

    private async Task<Account> CreateOfflineAccountAsync(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "x");
        Assert.Equal(ChatError.None, (await _service.RegisterAsync(session, nick, Password)).Error);
        Assert.Equal(ChatError.None, _hub.SignOut(session));
        return (await _accounts.FindAsync(nick))!;
    }
}
