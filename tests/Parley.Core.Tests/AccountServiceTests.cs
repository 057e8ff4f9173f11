using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Presence;

namespace Parley.Core.Tests;

public sealed class AccountServiceTests
{
    private readonly MemoryAccountStore _accounts = new();
    private readonly MemoryMessageStore _messages = new();
    private readonly FakeHashing _hashing = new();
    private readonly FakeThrottle _throttle = new();
    private readonly MemoryCertificateStore _certificates;
    private readonly ChatHub _hub;
    private readonly AccountService _service;

    public AccountServiceTests()
    {
        _hub = new ChatHub(_accounts, _messages, new AccountOptions(), TimeProvider.System);
        _certificates = new MemoryCertificateStore(_accounts);
        _service = new AccountService(_hub, _accounts, _certificates, _hashing, _throttle, TimeProvider.System);
    }

    [Fact]
    public async Task Login_with_an_unknown_nick_still_verifies_a_hash_and_counts_a_failure()
    {
        var session = _hub.Connect(new RecordingSink(), "10.0.0.1:1234");

        var result = await _service.LoginAsync(session, "nobody", "whatever-password");

        Assert.Equal(ChatError.AuthFailed, result.Error);
        Assert.Equal(1, _hashing.Verifications);
        Assert.Equal(["nobody"], _throttle.Failures);
    }

    [Fact]
    public async Task Login_while_throttled_checks_nothing()
    {
        await _accounts.CreateAsync("alice", _hashing.Hash("correct-horse"), DateTimeOffset.UtcNow);
        _throttle.Blocked = TimeSpan.FromSeconds(42);
        var session = _hub.Connect(new RecordingSink(), "10.0.0.1:1234");

        var result = await _service.LoginAsync(session, "alice", "correct-horse");

        Assert.Equal((ChatError.RateLimited, TimeSpan.FromSeconds(42)), (result.Error, result.RetryAfter));
        Assert.Equal(0, _hashing.Verifications);
        Assert.Equal(0, _accounts.Lookups);
    }

    [Fact]
    public async Task Login_with_an_outdated_hash_stores_a_fresh_one()
    {
        await _accounts.CreateAsync("alice", "v1:correct-horse", DateTimeOffset.UtcNow);
        var session = _hub.Connect(new RecordingSink(), "10.0.0.1:1234");

        var result = await _service.LoginAsync(session, "alice", "correct-horse");

        Assert.Equal(ChatError.None, result.Error);
        Assert.Equal("v2:correct-horse", (await _accounts.FindAsync("alice"))!.PasswordHash);
    }

    [Fact]
    public async Task Register_refuses_a_nick_a_guest_holds_online()
    {
        var guest = _hub.Connect(new RecordingSink(), "a");
        Assert.Equal(ChatError.None, await _hub.RegisterGuestAsync(guest, "alice"));
        var other = _hub.Connect(new RecordingSink(), "b");

        var result = await _service.RegisterAsync(other, "ALICE", "correct-horse");

        Assert.Equal(ChatError.NickTaken, result.Error);
        Assert.Null(await _accounts.FindAsync("alice"));
    }

    [Fact]
    public async Task Sign_in_delivers_waiting_messages_in_order_then_marks_them_delivered()
    {
        var first = _hub.Connect(new RecordingSink(), "a");
        Assert.Equal(ChatError.None, (await _service.RegisterAsync(first, "alice", "correct-horse")).Error);
        Assert.Equal(ChatError.None, _hub.SignOut(first));
        var bob = _hub.Connect(new RecordingSink(), "b");
        await _hub.RegisterGuestAsync(bob, "bob");

        var one = await _hub.SendDirectAsync(bob, "alice", "one");
        var two = await _hub.SendDirectAsync(bob, "alice", "two");
        var sink = new RecordingSink();
        var result = await _service.LoginAsync(_hub.Connect(sink, "c"), "alice", "correct-horse");

        Assert.False(one.Delivered || two.Delivered);
        Assert.Equal(2, result.Delivered);
        Assert.Equal(["one", "two"], sink.Events.OfType<MissedMessageEvent>().Select(e => e.Message.Text));
        Assert.Equal(0, await _messages.CountUndeliveredAsync(1));
    }

    [Fact]
    public async Task Message_to_an_account_on_two_devices_reaches_both_and_echoes_to_the_senders_other_device()
    {
        await _service.RegisterAsync(_hub.Connect(new RecordingSink(), "a"), "alice", "correct-horse");
        var bobLaptop = new RecordingSink();
        var bobPhone = new RecordingSink();
        await _service.RegisterAsync(_hub.Connect(new RecordingSink(), "x"), "bob", "correct-horse");
        var laptop = _hub.Connect(bobLaptop, "b1");
        await _service.LoginAsync(laptop, "bob", "correct-horse");
        await _service.LoginAsync(_hub.Connect(bobPhone, "b2"), "bob", "correct-horse");

        var sent = await _hub.SendDirectAsync(laptop, "alice", "hi");

        Assert.True(sent.Delivered);
        var echo = Assert.Single(bobPhone.Events.OfType<EchoEvent>());
        Assert.Equal(("bob", "alice", "hi"), (echo.Message.From, echo.Message.To, echo.Message.Text));
        Assert.Empty(bobLaptop.Events.OfType<EchoEvent>());
        Assert.Equal(2, _hub.OnlineNicks().Count);
    }
}
