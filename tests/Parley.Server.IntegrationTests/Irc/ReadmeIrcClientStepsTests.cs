using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// The README's steps for the IRC clients Debian 12 ships, typed into them under tmux: irssi (1.4)
/// and WeeChat 3.8 (weechat-headless), over TLS with the development certificate pinned and SASL
/// PLAIN. The nick each client asks for differs from the account and stays its nick (docs/irc.md,
/// "Nick and account"); the hub then shows that nick logged in to the account.
/// </summary>
public sealed class ReadmeIrcClientStepsTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Irssi_readme_steps_connect_over_tls_with_a_pinned_dev_certificate_and_log_in_with_sasl()
    {
        await using var server = await StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        var fingerprint = await FingerprintAsync(server);
        var colons = string.Join(':', Enumerable.Range(0, fingerprint.Length / 2).Select(i => fingerprint.Substring(i * 2, 2)));
        var home = ParleyTestServer.NewTemporaryDirectory();
        try
        {
            await using var irssi = await TmuxSession.StartAsync("irssi", "--home=" + home, "-n", "ircfan");
            await irssi.WaitForScreenAsync("Irssi v");
            await irssi.SendLineAsync($"/network add -sasl_username alice -sasl_password {Password} -sasl_mechanism PLAIN parley");
            await irssi.SendLineAsync($"/server add -tls -notls_verify -tls_pinned_cert {colons} -network parley 127.0.0.1 {server.IrcTlsPort.ToString(CultureInfo.InvariantCulture)}");
            await irssi.SendLineAsync("/connect parley");

            await bob.WaitForAsync(l => l == "SYS ircfan joined");
            await irssi.WaitForScreenAsync("You are now logged in as alice");
            Assert.Equal("alice", server.Hub.FindByNick("ircfan")?.AccountName);
        }
        finally
        {
            DeleteHome(home);
        }
    }

    [Fact]
    public async Task Weechat_3_8_readme_steps_connect_over_tls_with_a_pinned_dev_certificate_and_log_in_with_sasl()
    {
        await using var server = await StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        var fingerprint = (await FingerprintAsync(server)).ToLowerInvariant();
        var home = ParleyTestServer.NewTemporaryDirectory();
        try
        {
            var port = server.IrcTlsPort.ToString(CultureInfo.InvariantCulture);
            string[] steps =
            [
                $"/server add parleys 127.0.0.1/{port} -ssl",
                $"/set irc.server.parleys.ssl_fingerprint {fingerprint}",
                "/set irc.server.parleys.nicks weefan",
                "/set irc.server.parleys.sasl_mechanism plain",
                "/set irc.server.parleys.sasl_username alice",
                $"/set irc.server.parleys.sasl_password {Password}",
                "/connect parleys",
            ];
            await using var weechat = await TmuxSession.StartAsync("weechat-headless", "-d", home, "--stdout", "-r", string.Join(';', steps));

            await bob.WaitForAsync(l => l == "SYS weefan joined");
            Assert.Equal("alice", server.Hub.FindByNick("weefan")?.AccountName);
        }
        finally
        {
            DeleteHome(home);
        }
    }

    // The client may still be writing its files as tmux takes it down: a leftover temp folder is no failure.
    private static void DeleteHome(string home)
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<ParleyTestServer> StartAsync()
    {
        var server = await ParleyTestServer.StartWithIrcAsync(tls: true);
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        return server;
    }

    // The development certificate's SHA-256, 64 upper-case hex digits (what the server logs).
    private static async Task<string> FingerprintAsync(ParleyTestServer server)
    {
        await using var probe = await IrcTestClient.ConnectTlsAsync(server.IrcTlsPort);
        return probe.ServerCertificateFingerprint!["SHA256:".Length..];
    }
}
