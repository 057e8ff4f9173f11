using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

public sealed class WebReconnectTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public async Task After_the_server_restarts_the_page_reconnects_signed_in_and_shows_what_was_said_meanwhile()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);
        await alice.JoinAsync("#ops");
        await using (var bob = await server.ConnectLineAsAsync("bob"))
        {
            await bob.JoinAsync("#ops");
            Assert.StartsWith("OK", (await bob.CommandAsync("@#ops:said before the restart")).Reply, StringComparison.Ordinal);
            await alice.ExpectMessageAsync("said before the restart", from: "bob");
        }

        await server.StopAsync();
        await alice.ExpectDisconnectedAsync();
        // The browser stays away until bob has spoken on the new server (its network emulated
        // offline; back online, the page retries at once instead of waiting out its backoff).
        await aliceBrowser.Context.SetOfflineAsync(true);
        await server.RestartAsync();
        await using var bobAgain = await server.ConnectLineAsAsync("bob");
        var joined = await bobAgain.JoinAsync("#ops");
        Assert.DoesNotContain(joined, l => l.StartsWith("MEMBERS ", StringComparison.Ordinal) && l.Contains("alice", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("OK", (await bobAgain.CommandAsync("@#ops:said while you were away")).Reply, StringComparison.Ordinal);
        await aliceBrowser.Context.SetOfflineAsync(false);

        await alice.ExpectSignedInAsync("alice");
        await alice.OpenAsync("#ops");
        await alice.ExpectMessageAsync("said while you were away", from: "bob");
        await alice.SendAsync("back again");
        await bobAgain.WaitForAsync(l => l == "RM #ops alice: back again");
        await Expect(alice.ByTestId("login-password")).ToBeHiddenAsync();
        aliceBrowser.AssertNoDialogOrScriptError();
    }
}
