using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary><see cref="AccountService"/>'s client certificates and certificate login, over in-memory fakes.</summary>
public sealed class CertificateLoginTests
{
    private const string Fingerprint = "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    private const string Other = "SHA256:FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";
    private readonly MemoryAccountStore _accounts = new();
    private readonly FakeThrottle _throttle = new();
    private readonly ChatHub _hub;
    private readonly AccountService _service;

    public CertificateLoginTests()
    {
        _hub = new ChatHub(_accounts, new MemoryMessageStore(), new AccountOptions(), TimeProvider.System);
        _service = new AccountService(_hub, _accounts, new MemoryCertificateStore(_accounts), new FakeHashing(), _throttle, TimeProvider.System);
    }

    [Theory]
    [InlineData("SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF")]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    [InlineData(" SHA256:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff ")]
    public void CertificateFingerprint_any_common_form_normalises_to_the_canonical_one(string text)
    {
        Assert.True(CertificateFingerprint.TryNormalize(text, out var fingerprint));
        Assert.Equal(Fingerprint, fingerprint);
        Assert.Equal(CertificateFingerprint.CanonicalLength, fingerprint.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SHA256:")]
    [InlineData("SHA256:0011")]
    [InlineData("SHA1:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFG")]
    [InlineData("00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF00")]
    public void CertificateFingerprint_malformed_text_is_refused(string text) =>
        Assert.False(CertificateFingerprint.TryNormalize(text, out _));

    [Theory]
    [InlineData("laptop", false)]
    [InlineData("cafe", false)]
    [InlineData("sha256:abc", true)]
    [InlineData("00112233445566778899", true)]
    public void CertificateFingerprint_looks_like_tells_labels_from_fingerprints(string text, bool expected) =>
        Assert.Equal(expected, CertificateFingerprint.LooksLikeFingerprint(text));

    [Fact]
    public async Task LoginWithCertificate_registered_certificate_signs_in_to_its_account()
    {
        var alice = await SignedInAsync("alice", Fingerprint);
        await _service.AddCertificateAsync(alice, fingerprint: null, "laptop");
        var device = Connect(Fingerprint);

        var result = await _service.LoginWithCertificateAsync(device, nick: null);

        Assert.Equal((ChatError.None, "alice"), (result.Error, result.Nick));
        Assert.True(device.IsLoggedIn);
        Assert.Empty(_throttle.Failures);
    }

    [Fact]
    public async Task LoginWithCertificate_naming_another_account_fails_and_counts_against_that_nick()
    {
        var alice = await SignedInAsync("alice", null);
        await _accounts.CreateAsync("bob", "v2:pw", DateTimeOffset.UtcNow);
        await _service.AddCertificateAsync(alice, Fingerprint, null);

        var result = await _service.LoginWithCertificateAsync(Connect(Fingerprint), "bob");

        Assert.Equal(ChatError.AuthFailed, result.Error);
        Assert.Equal(["bob"], _throttle.Failures);
    }

    [Fact]
    public async Task LoginWithCertificate_unknown_certificate_fails_and_counts_against_the_fingerprint()
    {
        var result = await _service.LoginWithCertificateAsync(Connect(Other), nick: null);

        Assert.Equal(ChatError.AuthFailed, result.Error);
        Assert.Equal([Other], _throttle.Failures);
    }

    [Fact]
    public async Task LoginWithCertificate_without_a_certificate_is_refused_before_the_throttle()
    {
        _throttle.Blocked = TimeSpan.FromSeconds(5);

        var result = await _service.LoginWithCertificateAsync(Connect(null), "alice");

        Assert.Equal(ChatError.NoClientCertificate, result.Error);
    }

    [Fact]
    public async Task LoginWithCertificate_while_throttled_is_rate_limited()
    {
        _throttle.Blocked = TimeSpan.FromSeconds(5);

        var result = await _service.LoginWithCertificateAsync(Connect(Fingerprint), nick: null);

        Assert.Equal(ChatError.RateLimited, result.Error);
    }

    [Fact]
    public async Task AddCertificate_refuses_a_fingerprint_of_another_account_a_duplicate_and_more_than_the_limit()
    {
        var alice = await SignedInAsync("alice", null);
        var bob = await SignedInAsync("bob", null);
        await _service.AddCertificateAsync(alice, Fingerprint, null);

        var taken = await _service.AddCertificateAsync(bob, Fingerprint.ToLowerInvariant(), null);
        var again = await _service.AddCertificateAsync(alice, Fingerprint, null);
        for (var i = 1; i < AccountService.MaxCertificatesPerAccount; i++)
            Assert.Equal(ChatError.None, (await _service.AddCertificateAsync(alice, $"SHA256:{i:X64}", null)).Error);
        var full = await _service.AddCertificateAsync(alice, Other, null);

        Assert.Equal((ChatError.CertificateRegistered, Fingerprint), (taken.Error, taken.Fingerprint));
        Assert.Equal(ChatError.CertificateRegistered, again.Error);
        Assert.Equal(ChatError.TooManyCertificates, full.Error);
    }

    [Fact]
    public async Task AddCertificate_guest_or_no_certificate_or_bad_fingerprint_is_refused()
    {
        var guest = Connect(Fingerprint);
        _hub.Register(guest, "carol");
        var alice = await SignedInAsync("alice", null);

        Assert.Equal(ChatError.NotLoggedIn, (await _service.AddCertificateAsync(guest, null, null)).Error);
        Assert.Equal(ChatError.NoClientCertificate, (await _service.AddCertificateAsync(alice, null, null)).Error);
        Assert.Equal(ChatError.InvalidFingerprint, (await _service.AddCertificateAsync(alice, "SHA256:12", null)).Error);
    }

    [Fact]
    public async Task RemoveCertificate_removes_only_the_own_accounts_certificate()
    {
        var alice = await SignedInAsync("alice", null);
        var bob = await SignedInAsync("bob", null);
        await _service.AddCertificateAsync(alice, Fingerprint, null);

        var byBob = await _service.RemoveCertificateAsync(bob, Fingerprint);
        var byAlice = await _service.RemoveCertificateAsync(alice, Fingerprint);
        var login = await _service.LoginWithCertificateAsync(Connect(Fingerprint), nick: null);

        Assert.Equal(ChatError.NoSuchCertificate, byBob.Error);
        Assert.Equal(ChatError.None, byAlice.Error);
        Assert.Empty((await _service.ListCertificatesAsync(alice))!);
        Assert.Equal(ChatError.AuthFailed, login.Error);
    }

    private ChatSession Connect(string? fingerprint) =>
        _hub.Connect(new RecordingSink(), "10.0.0.1:1234", new ConnectionSecurity { IsTls = true, ClientCertificateSha256 = fingerprint });

    private async Task<ChatSession> SignedInAsync(string nick, string? fingerprint)
    {
        var session = Connect(fingerprint);
        var account = await _accounts.CreateAsync(nick, "v2:pw", DateTimeOffset.UtcNow);
        Assert.Equal(ChatError.None, (await _hub.SignInAsync(session, account!)).Error);
        return session;
    }
}
