using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Tls;

/// <summary>
/// <c>/cert add|list|del</c> and certificate login (<c>/login</c> without a password) over real TLS
/// on loopback, with the real SQLite store in a temporary data directory.
/// </summary>
public sealed class CertificateLoginTests : IDisposable
{
    private const string Password = "correct-horse";
    private readonly X509Certificate2 _aliceCertificate = TestCertificates.Create([], subject: "alice");
    private readonly X509Certificate2 _strangerCertificate = TestCertificates.Create([], subject: "stranger");

    public void Dispose()
    {
        _aliceCertificate.Dispose();
        _strangerCertificate.Dispose();
    }

    private string AliceFingerprint => TestCertificates.Fingerprint(_aliceCertificate);

    [Fact]
    public async Task Cert_add_without_argument_registers_the_presented_certificate_and_list_shows_it()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await RegisterOverTlsAsync(server, "alice", _aliceCertificate);

        var (added, _) = await alice.CommandAsync("/cert add laptop");
        var (listed, lines) = await alice.CommandAsync("/cert list");

        Assert.Equal($"OK certificate {AliceFingerprint} added to alice; /login with it logs in without a password", added);
        Assert.Equal("OK 1 certificates for alice", listed);
        var line = Assert.Single(lines);
        Assert.Matches($"^CERT {AliceFingerprint} \\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{{3}}Z laptop$", line);
    }

    [Fact]
    public async Task Cert_add_without_argument_on_a_connection_without_a_certificate_is_refused()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await RegisterOverTlsAsync(server, "alice", clientCertificate: null);

        var (reply, _) = await alice.CommandAsync("/cert add");

        Assert.StartsWith("ERR NO_CLIENT_CERT ", reply, StringComparison.Ordinal);
        Assert.Contains("--client-cert", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cert_add_with_a_fingerprint_in_openssl_form_registers_it_and_a_duplicate_is_refused()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectNewAccountAsync("bob", Password);
        // What openssl x509 -fingerprint -sha256 prints after "=", in lower case.
        var colons = string.Join(':', Convert.FromHexString(AliceFingerprint["SHA256:".Length..]).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));

        var (added, _) = await alice.CommandAsync($"/cert add {colons} phone");
        var (again, _) = await alice.CommandAsync($"/cert add {AliceFingerprint}");
        var (byBob, _) = await bob.CommandAsync($"/cert add {AliceFingerprint.ToLowerInvariant()}");
        var (malformed, _) = await bob.CommandAsync("/cert add SHA256:1234");
        var (bobList, bobLines) = await bob.CommandAsync("/cert list");

        Assert.StartsWith($"OK certificate {AliceFingerprint} added to alice", added, StringComparison.Ordinal);
        Assert.StartsWith("ERR CERT_REGISTERED ", again, StringComparison.Ordinal);
        Assert.StartsWith("ERR CERT_REGISTERED ", byBob, StringComparison.Ordinal);
        Assert.StartsWith("ERR INVALID_FINGERPRINT ", malformed, StringComparison.Ordinal);
        Assert.Equal("OK 0 certificates for bob", bobList);
        Assert.Empty(bobLines);
    }

    [Fact]
    public async Task Cert_commands_need_a_login()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var guest = await server.ConnectAsAsync("carol");
        await using var unregistered = await server.ConnectAsync();

        Assert.StartsWith("ERR NOT_LOGGED_IN ", (await guest.CommandAsync("/cert list")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("ERR NOT_REGISTERED ", (await unregistered.CommandAsync("/cert list")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("ERR SYNTAX ", (await guest.CommandAsync("/cert frobnicate")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_without_password_with_a_registered_certificate_logs_in_and_delivers_stored_messages()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using (var setup = await RegisterOverTlsAsync(server, "alice", _aliceCertificate))
        {
            await setup.CommandAsync("/cert add");
            await setup.CommandAsync("/quit");
        }

        await using var bob = await server.ConnectAsAsync("bob");
        Assert.Equal("OK stored for alice (offline)", (await bob.CommandAsync("/dm alice call me")).Reply);
        await using var laptop = await server.ConnectTlsAsync(_aliceCertificate);

        var (reply, before) = await laptop.CommandAsync("/login");

        Assert.Equal("OK logged in as alice (client certificate); 1 stored message delivered", reply);
        Assert.Matches("^MISSED \\d+ \\S+ bob -> alice: call me$", Assert.Single(before));
        await bob.WaitForAsync(l => l == "SYS alice joined");
    }

    [Fact]
    public async Task Login_with_nick_and_certificate_joins_the_accounts_other_devices()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var desktop = await RegisterOverTlsAsync(server, "alice", _aliceCertificate);
        await desktop.CommandAsync("/cert add");
        await using var laptop = await server.ConnectTlsAsync(_aliceCertificate);
        await using var bob = await server.ConnectAsAsync("bob");

        var (reply, _) = await laptop.CommandAsync("/login ALICE");
        await bob.CommandAsync("/dm alice both of you");

        Assert.Equal("OK logged in as alice (client certificate)", reply);
        await desktop.WaitForAsync(l => l == "DM bob: both of you");
        await laptop.WaitForAsync(l => l == "DM bob: both of you");
    }

    [Fact]
    public async Task Login_with_an_unknown_certificate_or_for_another_account_fails()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using (var alice = await RegisterOverTlsAsync(server, "alice", _aliceCertificate))
            await alice.CommandAsync("/cert add");
        await using (var bob = await server.ConnectNewAccountAsync("bob", Password))
            await bob.CommandAsync("/quit");
        await using var stranger = await server.ConnectTlsAsync(_strangerCertificate);
        await using var impostor = await server.ConnectTlsAsync(_aliceCertificate);

        var (unknown, _) = await stranger.CommandAsync("/login");
        var (wrongAccount, _) = await impostor.CommandAsync("/login bob");

        Assert.StartsWith("ERR AUTH_FAILED ", unknown, StringComparison.Ordinal);
        Assert.StartsWith("ERR AUTH_FAILED ", wrongAccount, StringComparison.Ordinal);
        Assert.Null(server.Hub.FindByNick("bob"));
    }

    [Fact]
    public async Task Login_without_password_on_a_plain_connection_is_refused()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using (var alice = await RegisterOverTlsAsync(server, "alice", _aliceCertificate))
            await alice.CommandAsync("/cert add");
        await using var plain = await server.ConnectAsync();
        await using var tlsWithoutCertificate = await server.ConnectTlsAsync();

        var (bare, _) = await plain.CommandAsync("/login");
        var (named, _) = await plain.CommandAsync("/login alice");
        var (noCertificate, _) = await tlsWithoutCertificate.CommandAsync("/login alice");

        Assert.StartsWith("ERR NO_CLIENT_CERT ", bare, StringComparison.Ordinal);
        Assert.StartsWith("ERR NO_CLIENT_CERT ", named, StringComparison.Ordinal);
        Assert.StartsWith("ERR NO_CLIENT_CERT ", noCertificate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_certificate_no_longer_logs_in()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var alice = await RegisterOverTlsAsync(server, "alice", _aliceCertificate);
        await alice.CommandAsync("/cert add");

        var (deleted, _) = await alice.CommandAsync($"/cert del {AliceFingerprint.ToLowerInvariant()}");
        var (again, _) = await alice.CommandAsync($"/cert del {AliceFingerprint}");
        await using var laptop = await server.ConnectTlsAsync(_aliceCertificate);
        var (login, _) = await laptop.CommandAsync("/login");

        Assert.Equal($"OK certificate {AliceFingerprint} removed from alice", deleted);
        Assert.StartsWith("ERR NO_SUCH_CERT ", again, StringComparison.Ordinal);
        Assert.StartsWith("ERR AUTH_FAILED ", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_certificate_logs_in_after_a_server_restart()
    {
        var server = await ParleyTestServer.StartWithTlsAsync();
        try
        {
            await using (var alice = await RegisterOverTlsAsync(server, "alice", _aliceCertificate))
                Assert.StartsWith("OK certificate", (await alice.CommandAsync("/cert add laptop")).Reply, StringComparison.Ordinal);

            server = await server.RestartAsync();
            await using var laptop = await server.ConnectTlsAsync(_aliceCertificate);
            var (login, _) = await laptop.CommandAsync("/login");
            var (listed, lines) = await laptop.CommandAsync("/cert list");

            Assert.Equal("OK logged in as alice (client certificate)", login);
            Assert.Equal("OK 1 certificates for alice", listed);
            Assert.EndsWith(" laptop", Assert.Single(lines), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<LineTestClient> RegisterOverTlsAsync(ParleyTestServer server, string nick, X509Certificate2? clientCertificate)
    {
        var client = await server.ConnectTlsAsync(clientCertificate);
        var (reply, _) = await client.CommandAsync($"/register {nick} {Password}");
        Assert.Equal($"OK registered and logged in as {nick}", reply);
        return client;
    }
}
