using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Parley.Cli;
using Parley.TestKit;

namespace Parley.Client.Tests.Tls;

/// <summary>The <c>parley</c> client's TLS options against the real server: trust on first use, known_hosts, client certificates.</summary>
public sealed class CliTlsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string KnownHostsPath => Path.Combine(_directory, "config", "known_hosts");

    [Fact]
    public async Task Cli_trust_on_first_use_remembers_the_server_accepts_it_later_and_refuses_a_changed_certificate()
    {
        using var first = TestCertificates.ForLocalhost();
        using var second = TestCertificates.ForLocalhost();
        var (certificatePath, keyPath) = TestCertificates.WritePem(first, _directory, "server");
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:CertificatePath"] = certificatePath,
            ["Parley:Tls:KeyPath"] = keyPath,
        });
        var port = server.TlsPort.ToString(CultureInfo.InvariantCulture);

        var firstContact = await RunAsync(["--name", "alice", "--tls", "--port", port, "--trust-fingerprint", TestCertificates.Fingerprint(first)], "/users\n");
        var laterContact = await RunAsync(["--name", "alice", "--tls", "--port", port], "/users\n");
        var (newCertificate, newKey) = TestCertificates.WritePem(second, _directory, "renewed");
        File.Move(newKey, keyPath, overwrite: true);
        File.Move(newCertificate, certificatePath, overwrite: true);
        var changed = await RunAsync(["--name", "alice", "--tls", "--port", port, "--trust-fingerprint", TestCertificates.Fingerprint(second)], "/users\n");

        Assert.Equal(0, firstContact.ExitCode);
        Assert.Contains("remembered in", firstContact.Output, StringComparison.Ordinal);
        Assert.Contains("users online: alice", firstContact.Output, StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{port} {TestCertificates.Fingerprint(first)}\n", await File.ReadAllTextAsync(KnownHostsPath));
        Assert.Equal(0, laterContact.ExitCode);
        Assert.Contains("known server", laterContact.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.ConnectionFailed, changed.ExitCode);
        Assert.Contains("HAS CHANGED", changed.Error, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Fingerprint(first), changed.Error, StringComparison.Ordinal);
        Assert.Contains(TestCertificates.Fingerprint(second), changed.Error, StringComparison.Ordinal);
        Assert.Contains(KnownHostsPath, changed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_piped_first_contact_without_trust_fingerprint_is_refused_with_the_fingerprint_to_check()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        var fingerprint = await PresentedFingerprintAsync(server);

        var (exitCode, output, error) = await RunAsync(["--name", "alice", "--tls", "--port", server.TlsPort.ToString(CultureInfo.InvariantCulture)], "hi\n");

        Assert.Equal(ExitCodes.ConnectionFailed, exitCode);
        Assert.Contains("--trust-fingerprint " + fingerprint, error, StringComparison.Ordinal);
        Assert.DoesNotContain("HELLO", output, StringComparison.Ordinal);
        Assert.False(File.Exists(KnownHostsPath));
    }

    [Fact]
    public async Task Cli_client_certificate_and_key_are_presented_and_the_server_session_sees_the_fingerprint()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        using var certificate = TestCertificates.Create([], subject: "alice");
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "alice");
        var input = new Pipe();
        using var reader = new StreamReader(input.Reader.AsStream());
        using var output = new StringWriter();
        using var error = new StringWriter();

        var cli = CliApp.RunAsync(
            ["--name", "alice", "--tls", "--port", server.TlsPort.ToString(CultureInfo.InvariantCulture), "--known-hosts", KnownHostsPath,
             "--trust-fingerprint", await PresentedFingerprintAsync(server), "--client-cert", certificatePath, "--client-key", keyPath],
            reader, output, error, interactive: false);
        await input.Writer.WriteAsync(Encoding.UTF8.GetBytes("/dm bob hi\n"));
        await bob.WaitForAsync(l => l == "DM alice: hi");
        var security = server.Hub.FindByNick("alice")!.Security;
        await input.Writer.CompleteAsync();
        var exitCode = await cli.WaitAsync(Timeout);

        Assert.Equal(0, exitCode);
        Assert.True(security.IsTls);
        Assert.Equal(TestCertificates.Fingerprint(certificate), security.ClientCertificateSha256);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cli_client_certificate_registered_to_the_account_logs_in_without_a_password(bool withName)
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        using var certificate = TestCertificates.Create([], subject: "alice");
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "alice");
        await using (var setup = await server.ConnectTlsAsync(certificate))
        {
            Assert.Equal("OK registered and logged in as alice", (await setup.CommandAsync("/register alice correct-horse")).Reply);
            Assert.StartsWith("OK certificate", (await setup.CommandAsync("/cert add")).Reply, StringComparison.Ordinal);
            await setup.CommandAsync("/quit");
        }

        string[] name = withName ? ["--name", "alice"] : [];
        var (exitCode, output, error) = await RunAsync(
            [.. name, "--tls", "--port", server.TlsPort.ToString(CultureInfo.InvariantCulture),
             "--trust-fingerprint", await PresentedFingerprintAsync(server), "--client-cert", certificatePath, "--client-key", keyPath],
            "/whoami\n");

        Assert.True(exitCode == 0, error);
        Assert.Contains("ok: logged in as alice (client certificate)", output, StringComparison.Ordinal);
        Assert.Contains("ok: you are alice, logged in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_unregistered_client_certificate_shows_the_refusal_and_falls_back_to_the_guest_nick()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        using var certificate = TestCertificates.Create([], subject: "carol");
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "carol");

        var (exitCode, output, _) = await RunAsync(
            ["--name", "carol", "--tls", "--port", server.TlsPort.ToString(CultureInfo.InvariantCulture),
             "--trust-fingerprint", await PresentedFingerprintAsync(server), "--client-cert", certificatePath, "--client-key", keyPath],
            "/whoami\n");

        Assert.Equal(0, exitCode);
        Assert.Contains("! AUTH_FAILED", output, StringComparison.Ordinal);
        Assert.Contains("ok: you are carol, a guest", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    [InlineData(" 00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF ")]
    [InlineData("SHA256:0011")]
    [InlineData("SHA1:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("")]
    public void CertificateFingerprint_client_and_server_normalise_alike(string text)
    {
        var client = CertificateFingerprint.TryNormalize(text, out var clientForm);
        var server = Core.Security.CertificateFingerprint.TryNormalize(text, out var serverForm);

        Assert.Equal((server, serverForm), (client, clientForm));
    }

    [Fact]
    public async Task Cli_client_certificate_without_tls_is_refused()
    {
        using var certificate = TestCertificates.Create([], subject: "alice");
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "alice");

        var (exitCode, _, error) = await RunAsync(["--name", "alice", "--port", "1", "--client-cert", certificatePath, "--client-key", keyPath], "");

        Assert.Equal(ExitCodes.ConnectionFailed, exitCode);
        Assert.Contains("--client-cert needs TLS", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_client_key_without_client_certificate_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync(["--name", "alice", "--client-key", "k.pem"], "");

        Assert.Equal(1, exitCode);
        Assert.Contains("--client-key needs --client-cert", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_malformed_trust_fingerprint_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync(["--name", "alice", "--tls", "--trust-fingerprint", "SHA256:abc"], "");

        Assert.Equal(1, exitCode);
        Assert.Contains("--trust-fingerprint", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, false, "127.0.0.1", 55555, false)]
    [InlineData(null, null, true, "127.0.0.1", 55556, true)]
    [InlineData(null, 55556, false, "127.0.0.1", 55556, true)]
    [InlineData(null, 6000, true, "127.0.0.1", 6000, true)]
    [InlineData("chat.example.org:55556", null, false, "chat.example.org", 55556, true)]
    [InlineData("chat.example.org:55555", 6000, false, "chat.example.org", 55555, false)]
    [InlineData("chat.example.org", 6000, false, "chat.example.org", 6000, false)]
    [InlineData("[::1]:55556", null, false, "::1", 55556, true)]
    [InlineData("::1", null, false, "::1", 55555, false)]
    public void ServerTarget_resolves_host_port_and_whether_the_tls_port_implies_tls(
        string? server, int? port, bool tls, string expectedHost, int expectedPort, bool expectedTls)
    {
        var target = ServerTarget.Resolve(server, "127.0.0.1", port, tls);

        Assert.Null(target.Error);
        Assert.Equal((expectedHost, expectedPort, expectedTls), (target.Host, target.Port, target.Tls));
    }

    [Theory]
    [InlineData("host:")]
    [InlineData("host:abc")]
    [InlineData("host:70000")]
    [InlineData("[::1")]
    [InlineData(":55556")]
    public void ServerTarget_malformed_argument_gives_an_error(string server)
    {
        Assert.NotNull(ServerTarget.Resolve(server, "127.0.0.1", null, false).Error);
    }

    [Theory]
    [InlineData("y\n", true)]
    [InlineData("YES\n", true)]
    [InlineData("\n", false)]
    [InlineData("no\n", false)]
    [InlineData("", false)]
    public void TrustPrompt_shows_the_fingerprint_and_trusts_only_yes(string answer, bool expected)
    {
        using var output = new StringWriter();
        var io = new ChatIo(new StringReader(answer), output, TextWriter.Null);
        var certificate = new ServerCertificateInfo("localhost:55556", "SHA256:AB", "CN=Parley development certificate", DateTime.UtcNow);

        var trusted = TrustPrompt.Confirm(io, certificate, "/home/me/.config/parley/known_hosts");

        Assert.Equal(expected, trusted);
        Assert.Contains("SHA256:AB", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[y/N]", output.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--known-hosts", KnownHostsPath], new StringReader(input), output, error, interactive: false).WaitAsync(Timeout);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static async Task<string> PresentedFingerprintAsync(ParleyTestServer server)
    {
        await using var probe = await server.ConnectTlsAsync();
        return probe.ServerCertificateFingerprint!;
    }
}
