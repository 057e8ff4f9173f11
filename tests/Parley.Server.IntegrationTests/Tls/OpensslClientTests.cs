using System.Diagnostics;
using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Tls;

/// <summary>A real third-party TLS client: <c>openssl s_client</c> connects and chats (CI installs openssl).</summary>
public sealed class OpensslClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Openssl_s_client_connects_over_tls_and_chats_with_a_plain_client()
    {
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        TestPrerequisites.Require("openssl");
        using var openssl = Process.Start(new ProcessStartInfo("openssl")
        {
            ArgumentList = { "s_client", "-connect", "127.0.0.1:" + server.TlsPort.ToString(CultureInfo.InvariantCulture), "-servername", "localhost", "-quiet" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("openssl did not start; install it (apt-get install openssl)");
        var stderr = openssl.StandardError.ReadToEndAsync();
        try
        {
            Assert.StartsWith("HELLO Parley", await ReadLineAsync(openssl), StringComparison.Ordinal);
            await SendAsync(openssl, "#alice");
            Assert.Equal("OK registered as alice", await ReadLineAsync(openssl));
            await bob.ExpectAsync("SYS alice joined");

            await SendAsync(openssl, "@bob:hi from openssl");
            Assert.Equal("OK delivered to bob", await ReadLineAsync(openssl));
            await bob.ExpectAsync("DM alice: hi from openssl");
            await bob.SendAsync("/dm alice hi back");
            Assert.Equal("DM bob: hi back", await ReadLineAsync(openssl));

            await SendAsync(openssl, "/quit done");
            Assert.Equal("BYE done", await ReadLineAsync(openssl));
            await openssl.WaitForExitAsync().WaitAsync(Timeout);
            Assert.True(server.Hub.FindByNick("alice") is null);
            // The server ended TLS with close_notify, not by cutting the TCP connection.
            Assert.DoesNotContain("unexpected eof", await stderr.WaitAsync(Timeout), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            if (!openssl.HasExited)
                openssl.Kill();
            await stderr.WaitAsync(Timeout);
        }
    }

    [Theory]
    [InlineData("-tls1")]
    [InlineData("-tls1_1")]
    public async Task Openssl_s_client_offering_only_tls10_or_tls11_gets_a_protocol_version_alert(string version)
    {
        // OpenSSL's default security level would stop a 1.0/1.1 hello before it is sent; level 0
        // lets it out, so the refusal seen here is the server's (alert 70, protocol_version).
        await using var server = await ParleyTestServer.StartWithTlsAsync();
        TestPrerequisites.Require("openssl");
        using var openssl = Process.Start(new ProcessStartInfo("openssl")
        {
            ArgumentList = { "s_client", "-connect", "127.0.0.1:" + server.TlsPort.ToString(CultureInfo.InvariantCulture), version, "-cipher", "DEFAULT@SECLEVEL=0" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("openssl did not start; install it (apt-get install openssl)");
        openssl.StandardInput.Close();
        var stdout = openssl.StandardOutput.ReadToEndAsync();
        var stderr = await openssl.StandardError.ReadToEndAsync().WaitAsync(Timeout);
        await openssl.WaitForExitAsync().WaitAsync(Timeout);
        await stdout.WaitAsync(Timeout);

        Assert.NotEqual(0, openssl.ExitCode);
        Assert.Contains("alert protocol version", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("HELLO", await stdout, StringComparison.Ordinal);
    }

    private static async Task SendAsync(Process process, string line)
    {
        await process.StandardInput.WriteAsync(line + "\n");
        await process.StandardInput.FlushAsync();
    }

    private static async Task<string> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("openssl s_client closed its output");
    }
}
