using System.Security.Cryptography.X509Certificates;
using Parley.TestKit;

namespace Parley.Client.Tests.Tls;

/// <summary>ParleyConnection over real TLS handshakes with the in-process server: whom it trusts and whom it refuses.</summary>
public sealed class TlsConnectionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private KnownHosts KnownHosts => new(Path.Combine(_directory, "config", "known_hosts"));

    [Fact]
    public async Task Connect_first_contact_with_the_right_trusted_fingerprint_chats_and_remembers_the_server()
    {
        using var certificate = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);
        var fingerprint = TestCertificates.Fingerprint(certificate);

        await using var alice = await ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, TrustedFingerprint = fingerprint.ToLowerInvariant() });
        var reply = await alice.RegisterAsync("alice").WaitAsync(Timeout);

        Assert.True(reply.IsSuccess);
        Assert.Equal(ServerTrust.TrustedFingerprint, alice.Tls!.Trust);
        Assert.Equal(fingerprint, alice.Tls.ServerFingerprint);
        Assert.Equal(fingerprint, KnownHosts.Find($"localhost:{server.TlsPort}"));
        Assert.Equal("Tls13", alice.Tls.Protocol.ToString());
    }

    [Fact]
    public async Task Connect_later_contact_with_a_known_server_is_trusted_without_asking()
    {
        using var certificate = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);
        KnownHosts.Add($"localhost:{server.TlsPort}", TestCertificates.Fingerprint(certificate));

        await using var alice = await ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, ConfirmFirstContact = _ => throw new InvalidOperationException("asked") });

        Assert.Equal(ServerTrust.KnownServer, alice.Tls!.Trust);
    }

    [Fact]
    public async Task Connect_to_a_known_server_whose_certificate_changed_is_refused_with_both_fingerprints()
    {
        using var certificate = TestCertificates.ForLocalhost();
        using var old = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);
        KnownHosts.Add($"localhost:{server.TlsPort}", TestCertificates.Fingerprint(old));

        var error = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() =>
            ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, TrustedFingerprint = TestCertificates.Fingerprint(certificate) }));

        Assert.Equal(CertificateRejection.Changed, error.Reason);
        Assert.Contains("HAS CHANGED", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Fingerprint(old), error.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Fingerprint(certificate), error.Message, StringComparison.Ordinal);
        Assert.Equal(TestCertificates.Fingerprint(old), KnownHosts.Find($"localhost:{server.TlsPort}"));
    }

    [Fact]
    public async Task Connect_first_contact_without_trust_is_refused_and_tells_the_fingerprint()
    {
        using var certificate = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);

        var error = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() => ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts }));

        Assert.Equal(CertificateRejection.UnknownServer, error.Reason);
        Assert.Equal(TestCertificates.Fingerprint(certificate), error.Fingerprint);
        Assert.Contains(TestCertificates.Fingerprint(certificate), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KnownHosts.Path));
    }

    [Theory]
    [InlineData(true, ServerTrust.ConfirmedByUser)]
    [InlineData(false, null)]
    public async Task Connect_first_contact_asks_the_user_and_remembers_only_a_yes(bool answer, ServerTrust? expected)
    {
        using var certificate = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);
        ServerCertificateInfo? asked = null;
        var options = new ParleyTlsOptions { KnownHosts = KnownHosts, ConfirmFirstContact = info => { asked = info; return answer; } };

        ParleyConnection? connection = null;
        var error = await Record.ExceptionAsync(async () => connection = await ConnectAsync(server, options));
        await using (connection)
        {
            Assert.Equal(TestCertificates.Fingerprint(certificate), asked?.Fingerprint);
            Assert.Equal($"localhost:{server.TlsPort}", asked?.Server);
            Assert.Equal(expected, connection?.Tls?.Trust);
            Assert.Equal(answer, error is null);
            Assert.Equal(answer ? TestCertificates.Fingerprint(certificate) : null, KnownHosts.Find($"localhost:{server.TlsPort}"));
        }
    }

    [Fact]
    public async Task Connect_with_a_trusted_fingerprint_that_does_not_match_is_refused()
    {
        using var certificate = TestCertificates.ForLocalhost();
        using var other = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);

        var error = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() =>
            ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, TrustedFingerprint = TestCertificates.Fingerprint(other) }));

        Assert.Equal(CertificateRejection.FingerprintMismatch, error.Reason);
        Assert.Null(KnownHosts.Find($"localhost:{server.TlsPort}"));
    }

    [Fact]
    public async Task Connect_to_a_server_with_an_expired_certificate_is_refused_even_when_its_fingerprint_is_trusted()
    {
        var now = DateTimeOffset.UtcNow;
        using var expired = TestCertificates.ForLocalhost(now.AddDays(-30), now.AddDays(-1));
        await using var server = await StartAsync(expired);

        var error = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() =>
            ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, TrustedFingerprint = TestCertificates.Fingerprint(expired) }));

        Assert.Equal(CertificateRejection.Expired, error.Reason);
        Assert.Null(KnownHosts.Find($"localhost:{server.TlsPort}"));
    }

    [Fact]
    public async Task Connect_to_a_server_whose_certificate_is_for_another_name_is_refused_unless_its_fingerprint_is_pinned_for_the_endpoint()
    {
        using var wrongName = TestCertificates.Create(["chat.example.org"]);
        await using var server = await StartAsync(wrongName);

        var error = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() =>
            ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts }));
        Assert.Equal(CertificateRejection.NameMismatch, error.Reason);
        Assert.Contains("chat.example.org", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Fingerprint(wrongName), error.Message, StringComparison.Ordinal);

        // As ssh does: a fingerprint the user pinned for this host:port is trusted whatever names it carries.
        await using (var pinned = await ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts, TrustedFingerprint = TestCertificates.Fingerprint(wrongName) }))
            Assert.Equal(ServerTrust.TrustedFingerprint, pinned.Tls!.Trust);
        await using (var known = await ConnectAsync(server, new ParleyTlsOptions { KnownHosts = KnownHosts }))
            Assert.Equal(ServerTrust.KnownServer, known.Tls!.Trust);

        using var other = TestCertificates.Create(["chat.example.org"]);
        var mismatch = await Assert.ThrowsAsync<ServerCertificateRejectedException>(() =>
            ConnectAsync(server, new ParleyTlsOptions { KnownHosts = null, TrustedFingerprint = TestCertificates.Fingerprint(other) }));
        Assert.Equal(CertificateRejection.NameMismatch, mismatch.Reason);
    }

    [Fact]
    public async Task Connect_by_ip_address_checks_the_certificate_ip_names()
    {
        using var certificate = TestCertificates.ForLocalhost();
        await using var server = await StartAsync(certificate);

        await using var alice = await ParleyConnection.ConnectAsync(new ParleyClientOptions
        {
            Host = "127.0.0.1",
            Port = server.TlsPort,
            Tls = new ParleyTlsOptions { TrustedFingerprint = TestCertificates.Fingerprint(certificate) },
        });

        Assert.Equal(ServerTrust.TrustedFingerprint, alice.Tls!.Trust);
    }

    [Fact]
    public async Task Connect_with_a_client_certificate_shows_its_fingerprint_in_the_server_session()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        using var clientCertificate = TestCertificates.Create([], subject: "alice");
        var (certificatePath, keyPath) = TestCertificates.WritePem(clientCertificate, _directory, "alice");
        using var loaded = ClientCertificateLoader.Load(certificatePath, keyPath);

        await using var alice = await ConnectAsync(server, new ParleyTlsOptions { ConfirmFirstContact = _ => true, ClientCertificate = loaded });
        await alice.RegisterAsync("alice").WaitAsync(Timeout);

        Assert.Equal(TestCertificates.Fingerprint(clientCertificate), server.Hub.FindByNick("alice")!.Security.ClientCertificateSha256);
    }

    [Fact]
    public async Task Plain_connect_to_the_tls_port_fails_rather_than_hangs()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();

        var error = await Record.ExceptionAsync(() => ParleyConnection.ConnectAsync(
            new ParleyClientOptions { Port = server.TlsPort, ConnectTimeout = TimeSpan.FromSeconds(3) }));

        Assert.True(error is ParleyConnectionException or TimeoutException, error?.ToString());
    }

    private Task<ParleyTestServer> StartAsync(X509Certificate2 certificate)
    {
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "server-" + Guid.NewGuid().ToString("N"));
        return ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:CertificatePath"] = certificatePath,
            ["Parley:Tls:KeyPath"] = keyPath,
        });
    }

    private static Task<ParleyConnection> ConnectAsync(ParleyTestServer server, ParleyTlsOptions tls) =>
        ParleyConnection.ConnectAsync(new ParleyClientOptions { Host = "localhost", Port = server.TlsPort, Tls = tls }).WaitAsync(Timeout);
}
