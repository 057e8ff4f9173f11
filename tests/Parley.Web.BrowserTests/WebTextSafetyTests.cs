using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

/// <summary>Text from the network is shown as text: no element, no script, no request made from it.</summary>
public sealed class WebTextSafetyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    // No spaces, so it passes where a nick or a single word goes; '/' separates attributes in HTML.
    private const string NickLikeImage = "<img/src=x/onerror=alert(2)>";

    [Fact]
    public async Task Markup_in_a_message_an_action_a_topic_and_a_nick_shows_as_text_and_never_runs()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);
        await alice.JoinAsync("#lab");
        await bob.JoinAsync("#lab");

        Assert.StartsWith("OK", (await bob.CommandAsync($"@#lab:{Script} {Image}")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("OK", (await bob.CommandAsync($"/topic #lab {Image} {Script}")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("OK", (await bob.CommandAsync($"@alice:{NickLikeImage}")).Reply, StringComparison.Ordinal);
        await alice.SendAsync($"/me {Script}");
        await alice.SendAsync(Image);

        await alice.ExpectMessageAsync($"{Script} {Image}", from: "bob");
        await Expect(alice.ByTestId("topic")).ToHaveTextAsync($"{Image} {Script}");
        await Expect(alice.Messages.GetByTestId("message-text").Filter(new() { HasText = Script })).ToHaveCountAsync(2);
        await alice.ExpectMessageAsync(Image, from: "alice");
        await alice.OpenAsync("bob");
        await alice.ExpectMessageAsync(NickLikeImage, from: "bob");

        // A guest nick made of markup: the server refuses it (nicks are letters, digits, _ and -),
        // and the page shows it as text, as the nick it asked for or in the refusal.
        await using var malloryBrowser = await OpenSessionAsync(server, "mallory");
        var mallory = await malloryBrowser.OpenPageAsync();
        await mallory.SubmitGuestAsync(NickLikeImage);
        await Expect(mallory.Page.GetByText(NickLikeImage).First).ToBeAttachedAsync();

        foreach (var page in new[] { alice, mallory })
        {
            await Expect(page.Page.Locator("img[src='x']")).ToHaveCountAsync(0);
            await Expect(page.ByTestId("messages").Locator("img, script")).ToHaveCountAsync(0);
            await Expect(page.ByTestId("topic").Locator("*")).ToHaveCountAsync(0);
            // The page's own scripts are files (CSP: script-src 'self'); none came from the text.
            await Expect(page.Page.Locator("script:not([src])")).ToHaveCountAsync(0);
        }

        Assert.DoesNotContain(aliceBrowser.RequestedUrls.Concat(malloryBrowser.RequestedUrls), u => new Uri(u).AbsolutePath == "/x");
        aliceBrowser.AssertNoDialogOrScriptError();
        malloryBrowser.AssertNoDialogOrScriptError();
    }
}
