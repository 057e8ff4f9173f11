using Parley.Core.Accounts;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>The hub's kept count of operators online (IRC's RPL_LUSEROP), read by every welcome.</summary>
public sealed class OperatorCountTests
{
    private readonly MemoryAccountStore _accounts = new();
    private readonly OperatorPolicy _operators = new(["root", "admin"]);
    private readonly ChatHub _hub;
    private readonly AccountService _service;

    public OperatorCountTests()
    {
        _hub = TestHubs.Create(operators: _operators, accounts: _accounts);
        _service = new AccountService(_hub, _accounts, new MemoryCertificateStore(_accounts), new FakeHashing(), new FakeThrottle(), TimeProvider.System);
    }

    [Fact]
    public async Task Count_follows_sign_in_oper_de_oper_sign_out_and_leave()
    {
        await _accounts.CreateAsync("admin", "v2:secret", DateTimeOffset.UtcNow);
        var root = await SignInAsync("root");
        var bob = Register("bob");
        var carol = Register("carol");
        Assert.Equal(1, _hub.OperatorsOnline);

        Assert.Equal(ChatError.None, await _service.OperAsync(bob, "admin", "secret"));
        Assert.Equal(2, _hub.OperatorsOnline);
        Assert.Equal(ChatError.AuthFailed, await _service.OperAsync(carol, "admin", "wrong"));
        Assert.Equal(2, _hub.OperatorsOnline);

        Assert.True(_hub.DropOperator(bob));
        Assert.Equal(1, _hub.OperatorsOnline);
        Assert.Equal(ChatError.None, await _service.OperAsync(bob, "admin", "secret"));
        _hub.Disconnect(bob, "connection closed");
        Assert.Equal(1, _hub.OperatorsOnline);

        Assert.Equal(ChatError.None, _hub.SignOut(root));
        Assert.Equal(0, _hub.OperatorsOnline);
        Assert.Equal(ChatError.None, (await _hub.SignInAsync(root, (await _accounts.FindAsync("root"))!)).Error);
        Assert.Equal(1, _hub.OperatorsOnline);
        _hub.Quit(root, null);
        _hub.Quit(root, null);
        Assert.Equal(0, _hub.OperatorsOnline);
    }

    [Fact]
    public async Task Each_signed_in_device_of_an_operator_account_counts_and_an_oper_stays_after_de_oper_of_its_own_account()
    {
        var first = await SignInAsync("root");
        var second = await SignInAsync("root");
        Assert.Equal(2, _hub.OperatorsOnline);

        // Logged in to an operator account: OPER needs no password, and MODE -o keeps the rights.
        Assert.Equal(ChatError.None, await _service.OperAsync(first, "root", null));
        Assert.False(_hub.DropOperator(first));
        Assert.Equal(2, _hub.OperatorsOnline);

        _hub.Disconnect(second, "connection closed");
        Assert.Equal(1, _hub.OperatorsOnline);
    }

    [Fact]
    public async Task Reloaded_operator_list_is_counted_at_the_next_read()
    {
        var alice = await SignInAsync("alice");
        await SignInAsync("root");
        Register("guest");
        Assert.Equal(1, _hub.OperatorsOnline);

        _operators.Replace(["alice", "root"]);
        Assert.Equal(2, _hub.OperatorsOnline);

        _operators.Replace([]);
        Assert.Equal(0, _hub.OperatorsOnline);
        _hub.Quit(alice, null);

        _operators.Replace(["root"]);
        Assert.Equal(1, _hub.OperatorsOnline);
    }

    [Fact]
    public void Guest_with_an_operator_accounts_nick_and_unregistered_connections_are_not_counted()
    {
        Register("root");
        _hub.Connect(new RecordingSink(), "127.0.0.1:1");

        Assert.Equal(0, _hub.OperatorsOnline);
    }

    private async Task<ChatSession> SignInAsync(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "127.0.0.1:1");
        var account = await _accounts.FindAsync(nick) ?? (await _accounts.CreateAsync(nick, "v2:pw", DateTimeOffset.UtcNow))!;
        Assert.Equal(ChatError.None, (await _hub.SignInAsync(session, account)).Error);
        return session;
    }

    private ChatSession Register(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "127.0.0.1:1");
        Assert.Equal(ChatError.None, _hub.Register(session, nick));
        return session;
    }
}
