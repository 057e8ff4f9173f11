using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

public sealed class WebChatTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public async Task Two_browser_users_who_register_and_join_a_room_see_each_others_messages_and_each_other_as_members_with_the_creator_op()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        await using var bobBrowser = await OpenSessionAsync(server, "bob");
        var alice = await aliceBrowser.OpenPageAsync();
        var bob = await bobBrowser.OpenPageAsync();

        await alice.RegisterAsync("alice", Password);
        await bob.RegisterAsync("bob", Password);
        await alice.JoinAsync("#lobby");
        await bob.JoinAsync("#lobby");
        await Expect(alice.Member("bob")).ToHaveAttributeAsync("data-role", "");
        await Expect(bob.Member("alice")).ToHaveAttributeAsync("data-role", "op");

        await alice.SendAsync("hello from alice");
        await bob.ExpectMessageAsync("hello from alice", from: "alice");
        await bob.SendAsync("hi alice, bob here");
        await alice.ExpectMessageAsync("hi alice, bob here", from: "bob");
        // Each sees its own line once too (echo-message), not twice.
        await alice.ExpectMessageAsync("hello from alice", from: "alice");
        await bob.ExpectMessageAsync("hi alice, bob here", from: "bob");

        aliceBrowser.AssertNoDialogOrScriptError();
        bobBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_browser_user_and_a_line_user_over_tcp_exchange_direct_messages_both_ways()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);

        var (reply, _) = await bob.CommandAsync("@alice:hello from nc");
        Assert.Equal("OK delivered to alice", reply);
        await alice.OpenAsync("bob");
        await alice.ExpectMessageAsync("hello from nc", from: "bob");

        // From the open DM buffer, and with /msg from anywhere.
        await alice.SendAsync("hi bob, from the browser");
        await bob.WaitForAsync(l => l == "DM alice: hi bob, from the browser");
        await alice.SendAsync("/msg bob and once more with /msg");
        await bob.WaitForAsync(l => l == "DM alice: and once more with /msg");
        await alice.ExpectMessageAsync("hi bob, from the browser", from: "alice");
        await alice.ExpectMessageAsync("and once more with /msg", from: "alice");

        aliceBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_message_in_a_room_not_open_is_counted_unread_and_one_naming_you_is_marked_a_mention()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);
        await alice.JoinAsync("#news");
        await bob.JoinAsync("#news");
        await alice.JoinAsync("#quiet");

        Assert.StartsWith("OK", (await bob.CommandAsync("@#news:the weather is fine")).Reply, StringComparison.Ordinal);
        await Expect(alice.Buffer("#news").GetByTestId("unread")).ToHaveTextAsync("1");
        await Expect(alice.Buffer("#news")).Not.ToHaveAttributeAsync("data-mention", "true");
        Assert.StartsWith("OK", (await bob.CommandAsync("@#news:alice, lunch?")).Reply, StringComparison.Ordinal);
        await Expect(alice.Buffer("#news").GetByTestId("unread")).ToHaveTextAsync("2");
        await Expect(alice.Buffer("#news")).ToHaveAttributeAsync("data-mention", "true");

        await alice.OpenAsync("#news");
        await alice.ExpectMessageAsync("alice, lunch?", from: "bob");
        // Read now: the count is gone (absent or empty).
        await Expect(alice.Buffer("#news").GetByTestId("unread").Filter(new() { HasTextRegex = new Regex("[1-9]") })).ToHaveCountAsync(0);
        aliceBrowser.AssertNoDialogOrScriptError();
    }
}
