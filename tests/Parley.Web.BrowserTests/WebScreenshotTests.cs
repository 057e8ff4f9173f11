using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

public sealed class WebScreenshotTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task The_main_views_render_on_desktop_in_both_themes_and_on_a_phone_and_are_saved_for_the_readme()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await Expect(alice.ByTestId("login-account")).ToBeVisibleAsync();
        var shots = new List<string> { await Screenshots.SaveAsync(alice.Page, "sign-in.png") };

        await alice.RegisterAsync("alice", Password);
        await alice.JoinAsync("#parley");
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var carol = await server.ConnectLineAsAsync("carol");
        await bob.JoinAsync("#parley");
        await carol.JoinAsync("#parley");
        await Say(bob, "/topic #parley Release 0.2 on Friday: notes at https://example.org/release-notes");
        await Say(bob, "@#parley:morning all");
        await alice.SendAsync("morning! the build is green again");
        await Say(carol, "@#parley:the logs are at https://example.org/ci/1234 if anyone wants them");
        await Say(bob, "@#parley:alice: could you review the web client today?");
        await alice.ExpectMessageAsync("alice: could you review the web client today?", from: "bob");
        await Expect(alice.Member("carol")).ToHaveCountAsync(1);
        // A link in a message is an anchor made safely (contract: http(s) only, new tab, no referrer).
        var link = alice.Messages.GetByTestId("message-text").Locator("a[href='https://example.org/ci/1234']");
        await Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        shots.Add(await Screenshots.SaveAsync(alice.Page, "room.png"));

        await Say(bob, "@alice:lunch at noon?");
        await alice.OpenAsync("bob");
        await alice.ExpectMessageAsync("lunch at noon?", from: "bob");
        await alice.SendAsync("sure, the usual place");
        await bob.WaitForAsync(l => l == "DM alice: sure, the usual place");
        shots.Add(await Screenshots.SaveAsync(alice.Page, "dm.png"));

        await alice.OpenAsync("#parley");
        var light = await BackgroundOfAsync(alice.Page);
        await alice.ByTestId("theme-toggle").ClickAsync();
        await alice.Page.WaitForFunctionAsync($"light => ({ColoursScript})() !== light", light);
        shots.Add(await Screenshots.SaveAsync(alice.Page, "dark.png"));

        // Someone else on a phone: the room, its history on joining, the composer within reach.
        await using var phoneBrowser = await OpenSessionAsync(server, "dana-phone", new ViewportSize { Width = 390, Height = 844 });
        var phone = await phoneBrowser.OpenPageAsync();
        await phone.RegisterAsync("dana", Password);
        await phone.JoinAsync("#parley");
        await phone.ExpectMessageAsync("alice: could you review the web client today?", from: "bob");
        await Expect(phone.ByTestId("composer")).ToBeVisibleAsync();
        shots.Add(await Screenshots.SaveAsync(phone.Page, "phone.png"));

        Assert.All(shots, path => Assert.Equal(PngSignature, File.ReadAllBytes(path).Take(PngSignature.Length)));
        aliceBrowser.AssertNoDialogOrScriptError();
        phoneBrowser.AssertNoDialogOrScriptError();
    }

    private static async Task Say(Parley.TestKit.LineTestClient client, string line) =>
        Assert.StartsWith("OK", (await client.CommandAsync(line)).Reply, StringComparison.Ordinal);

    // The theme may colour the root, the body or the message view: any of them changing is the toggle working.
    private const string ColoursScript =
        "() => [document.documentElement, document.body, document.querySelector('[data-testid=messages]')]"
        + ".map(e => e ? getComputedStyle(e).backgroundColor + ' ' + getComputedStyle(e).color : '').join('|')";

    private static Task<string> BackgroundOfAsync(IPage page) => page.EvaluateAsync<string>(ColoursScript);

    [Fact]
    public async Task On_a_phone_sized_screen_the_chat_view_does_not_scroll_sideways()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var phoneBrowser = await OpenSessionAsync(server, "erin-phone", new ViewportSize { Width = 390, Height = 844 });
        var phone = await phoneBrowser.OpenPageAsync();
        await phone.RegisterAsync("erin", Password);
        await phone.JoinAsync("#parley");

        Assert.True(
            await phone.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways at 390 px wide");
        phoneBrowser.AssertNoDialogOrScriptError();
    }
}
