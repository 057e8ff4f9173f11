using Microsoft.Extensions.Time.Testing;
using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>
/// The browsers' sign-in sessions in the core: issue, validate, the sliding lifetime on an
/// injected clock, revocation by sign-out and by each password change, and the transport policy.
/// </summary>
public sealed class WebSessionServiceTests
{
    private const string Password = "correct-horse";
    private const string Remote = "10.0.0.1";
    private static readonly ConnectionSecurity Tls = new() { IsTls = true };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly MemoryAccountStore _accounts = new();
    private readonly InMemoryWebSessionStore _store = new();
    private readonly FakeThrottle _throttle = new();
    private readonly ChatHub _hub;
    private readonly AccountService _service;
    private readonly WebSessionService _sessions;

    public WebSessionServiceTests()
    {
        _hub = TestHubs.Create(accounts: _accounts, time: _clock);
        _service = new AccountService(_hub, _accounts, new MemoryCertificateStore(_accounts), new FakeHashing(), _throttle, _clock, webSessions: _store);
        _sessions = new WebSessionService(_service, _store, new WebSessionOptions { SessionLifetime = TimeSpan.FromDays(30) }, new LoginTransportPolicy(requireTlsForLogin: true), _clock);
    }

    [Fact]
    public async Task Sign_in_issues_a_43_character_token_whose_hash_alone_is_stored()
    {
        await _accounts.CreateAsync("Alice", "v2:" + Password, _clock.GetUtcNow());

        var result = await _sessions.SignInAsync("alice", Password, Tls, Remote);

        Assert.Equal((ChatError.None, "Alice"), (result.Error, result.Account));
        Assert.Equal(WebSessionToken.Length, result.Token!.Length);
        Assert.Equal(_clock.GetUtcNow().AddDays(30), result.ExpiresUtc);
        Assert.NotNull(await _store.FindAsync(WebSessionToken.Hash(result.Token)));
        Assert.Null(await _store.FindAsync(result.Token));
        Assert.Equal("Alice", (await _sessions.ValidateAsync(result.Token))!.Account);
    }

    [Fact]
    public async Task A_sign_in_beyond_the_cap_revokes_the_session_used_longest_ago()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var capped = new WebSessionService(_service, _store, new WebSessionOptions { MaxSessionsPerAccount = 2 }, new LoginTransportPolicy(requireTlsForLogin: true), _clock);
        var first = (await capped.SignInAsync("alice", Password, Tls, Remote)).Token;
        _clock.Advance(TimeSpan.FromMinutes(10));
        var second = (await capped.SignInAsync("alice", Password, Tls, Remote)).Token;
        _clock.Advance(TimeSpan.FromMinutes(10));
        // A use moves the first ahead of the second.
        Assert.True((await capped.ValidateAsync(first))!.Renewed);
        _clock.Advance(TimeSpan.FromMinutes(10));

        var third = (await capped.SignInAsync("alice", Password, Tls, Remote)).Token;

        Assert.NotNull(await capped.ValidateAsync(first));
        Assert.Null(await capped.ValidateAsync(second));
        Assert.NotNull(await capped.ValidateAsync(third));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void A_cap_out_of_range_is_refused_naming_the_setting(int cap)
    {
        var error = Assert.Throws<ArgumentException>(() => new WebSessionOptions { MaxSessionsPerAccount = cap }.Validate());
        Assert.StartsWith($"Parley:Web:MaxSessionsPerAccount is {cap}: allowed are 1 to 10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_issues_nothing_and_counts_a_failure()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());

        var result = await _sessions.SignInAsync("alice", "wrong-password", Tls, Remote);

        Assert.Equal((ChatError.AuthFailed, null), (result.Error, result.Token));
        Assert.Equal(["alice"], _throttle.Failures);
    }

    [Fact]
    public async Task A_password_is_not_checked_over_plain_transport_from_an_untrusted_network()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());

        var signIn = await _sessions.SignInAsync("alice", Password, ConnectionSecurity.Unknown, Remote);
        var register = await _sessions.RegisterAsync("bob", Password, ConnectionSecurity.Unknown, Remote);

        Assert.True(signIn.TlsRequired);
        Assert.True(register.TlsRequired);
        Assert.Equal(0, _accounts.Lookups);
        Assert.Null(await _accounts.FindAsync("bob"));
    }

    [Fact]
    public async Task Registration_creates_the_account_and_refuses_a_name_a_guest_holds()
    {
        var guest = _hub.Connect(new RecordingSink(), "10.0.0.2:1");
        Assert.Equal(ChatError.None, _hub.Register(guest, "carol"));

        var bob = await _sessions.RegisterAsync("bob", Password, Tls, Remote);
        var again = await _sessions.RegisterAsync("BOB", Password, Tls, Remote);
        var carol = await _sessions.RegisterAsync("carol", Password, Tls, Remote);

        Assert.Equal((ChatError.None, "bob"), (bob.Error, bob.Account));
        Assert.Equal("bob", (await _sessions.ValidateAsync(bob.Token))!.Account);
        Assert.Equal(ChatError.NickRegistered, again.Error);
        Assert.Equal(ChatError.NickTaken, carol.Error);
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime_without_use_and_is_then_removed()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var token = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;

        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _sessions.ValidateAsync(token));

        // That use moved the expiry: 30 days from it.
        _clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _sessions.ValidateAsync(token));

        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Null(await _sessions.ValidateAsync(token));
        Assert.Null(await _store.FindAsync(WebSessionToken.Hash(token!)));
    }

    [Fact]
    public async Task Uses_closer_than_the_touch_interval_do_not_move_the_expiry()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var issued = await _sessions.SignInAsync("alice", Password, Tls, Remote);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var soon = await _sessions.ValidateAsync(issued.Token);
        _clock.Advance(WebSessionOptions.TouchInterval);
        var later = await _sessions.ValidateAsync(issued.Token);

        Assert.Equal((issued.ExpiresUtc, false), (soon!.ExpiresUtc, soon.Renewed));
        Assert.Equal((_clock.GetUtcNow().AddDays(30), true), (later!.ExpiresUtc, later.Renewed));
    }

    [Fact]
    public async Task Malformed_and_unknown_tokens_prove_nothing()
    {
        Assert.Null(await _sessions.ValidateAsync(null));
        Assert.Null(await _sessions.ValidateAsync(""));
        Assert.Null(await _sessions.ValidateAsync("not a token"));
        Assert.Null(await _sessions.ValidateAsync(new string('A', 44)));
        Assert.Null(await _sessions.ValidateAsync(WebSessionToken.New()));
    }

    [Fact]
    public async Task Sign_out_revokes_that_session_only()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var laptop = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;
        var phone = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;

        Assert.True(await _sessions.RevokeAsync(laptop));
        Assert.False(await _sessions.RevokeAsync(laptop));

        Assert.Null(await _sessions.ValidateAsync(laptop));
        Assert.NotNull(await _sessions.ValidateAsync(phone));
    }

    [Fact]
    public async Task Changing_the_password_revokes_every_web_session_of_the_account_only()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        await _accounts.CreateAsync("bob", "v2:" + Password, _clock.GetUtcNow());
        var laptop = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;
        var phone = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;
        var bob = (await _sessions.SignInAsync("bob", Password, Tls, Remote)).Token;
        var session = await SignedInSessionAsync("alice");

        var changed = await _service.ChangePasswordAsync(session, Password, "battery-staple");

        Assert.Equal(ChatError.None, changed.Error);
        Assert.Null(await _sessions.ValidateAsync(laptop));
        Assert.Null(await _sessions.ValidateAsync(phone));
        Assert.NotNull(await _sessions.ValidateAsync(bob));
    }

    [Fact]
    public async Task Setting_a_new_password_as_nickserv_does_revokes_the_web_sessions()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var token = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;
        var session = await SignedInSessionAsync("alice");

        Assert.Equal(ChatError.None, await _service.SetPasswordAsync(session, "battery-staple"));

        Assert.Null(await _sessions.ValidateAsync(token));
    }

    [Fact]
    public async Task A_rehash_at_login_is_no_password_change_and_keeps_the_web_sessions()
    {
        await _accounts.CreateAsync("alice", "v1:" + Password, _clock.GetUtcNow());
        var token = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;

        await SignedInSessionAsync("alice");

        Assert.StartsWith("v2:", (await _accounts.FindAsync("alice"))!.PasswordHash, StringComparison.Ordinal);
        Assert.NotNull(await _sessions.ValidateAsync(token));
    }

    [Fact]
    public async Task A_dropped_accounts_session_proves_nothing()
    {
        var account = await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        var token = (await _sessions.SignInAsync("alice", Password, Tls, Remote)).Token;

        await _accounts.DeleteAsync(account!.Id);

        Assert.Null(await _sessions.ValidateAsync(token));
    }

    [Fact]
    public async Task A_server_banned_account_is_refused_a_session()
    {
        await _accounts.CreateAsync("alice", "v2:" + Password, _clock.GetUtcNow());
        _hub.ServerBans.TryAdd(new Moderation.ServerBan("~alice", "oper", _clock.GetUtcNow(), null));

        var result = await _sessions.SignInAsync("alice", Password, Tls, Remote);

        Assert.Equal((ChatError.ServerBanned, null), (result.Error, result.Token));
    }

    [Fact]
    public void A_lifetime_out_of_range_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new WebSessionOptions { SessionLifetime = TimeSpan.FromSeconds(30) }.Validate());
        Assert.StartsWith("Parley:Web:SessionLifetime is 00:00:30: allowed are", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new WebSessionOptions { SessionLifetime = TimeSpan.FromDays(401) }.Validate());
    }

    private async Task<ChatSession> SignedInSessionAsync(string nick)
    {
        var session = _hub.Connect(new RecordingSink(), "10.0.0.3:1", Tls);
        Assert.Equal(ChatError.None, (await _service.LoginAsync(session, nick, Password)).Error);
        return session;
    }
}
