using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

public sealed class WebSignInTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public async Task A_reload_keeps_the_sign_in_without_the_password_and_shows_the_conversation_again()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);
        await bob.JoinAsync("#book");
        await alice.JoinAsync("#book");
        await alice.SendAsync("written before the reload");
        await bob.WaitForAsync(l => l == "RM #book alice: written before the reload");
        Assert.StartsWith("OK", (await bob.CommandAsync("@#book:bob answers before the reload")).Reply, StringComparison.Ordinal);
        Assert.StartsWith("OK", (await bob.CommandAsync("@alice:a direct word before the reload")).Reply, StringComparison.Ordinal);
        await alice.ExpectMessageAsync("bob answers before the reload", from: "bob");

        await alice.SendAsync("/msg bob my direct word before the reload");
        await bob.WaitForAsync(l => l == "DM alice: my direct word before the reload");

        await alice.Page.ReloadAsync();

        // Signed in by the cookie alone: no form filled, the password field not shown.
        await alice.ExpectSignedInAsync("alice");
        await Expect(alice.ByTestId("login-password")).ToBeHiddenAsync();
        // The DM conversation is back by itself (its history, both sides).
        await alice.OpenAsync("bob");
        await alice.ExpectMessageAsync("a direct word before the reload", from: "bob");
        await alice.ExpectMessageAsync("my direct word before the reload", from: "alice");
        // The room's: the client rejoins the rooms it remembers; one that does not is joined here
        // (room membership is the connection's, and this is a new one). Either way its history shows.
        if (await alice.Buffer("#book").CountAsync() == 1)
            await alice.OpenAsync("#book");
        else
            await alice.JoinAsync("#book");
        await alice.ExpectMessageAsync("written before the reload", from: "alice");
        await alice.ExpectMessageAsync("bob answers before the reload", from: "bob");
        Assert.StartsWith("OK", (await bob.CommandAsync("@#book:and after it")).Reply, StringComparison.Ordinal);
        await alice.ExpectMessageAsync("and after it", from: "bob");
        aliceBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_direct_message_sent_while_the_browser_user_was_signed_out_arrives_at_the_next_sign_in()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var aliceBrowser = await OpenSessionAsync(server, "alice");
        var alice = await aliceBrowser.OpenPageAsync();
        await alice.RegisterAsync("alice", Password);

        await alice.ByTestId("logout").ClickAsync();
        await Expect(alice.ByTestId("login-account")).ToBeVisibleAsync();
        var session = await aliceBrowser.Context.APIRequest.GetAsync("/api/session");
        Assert.Equal(401, session.Status);

        await using var bob = await server.ConnectLineAsAsync("bob");
        var (reply, _) = await bob.CommandAsync("@alice:sent while you were away");
        Assert.Equal("OK stored for alice (offline)", reply);

        await alice.SignInAsync("alice", Password);
        await alice.OpenAsync("bob");
        await alice.ExpectMessageAsync("sent while you were away", from: "bob");
        aliceBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_guest_nick_signs_in_without_an_account_and_other_users_see_it()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var bob = await server.ConnectLineAsAsync("bob");
        await using var carolBrowser = await OpenSessionAsync(server, "carol");
        var carol = await carolBrowser.OpenPageAsync();

        await carol.SubmitGuestAsync("carol");

        await carol.ExpectSignedInAsync("carol");
        var (_, users) = await bob.CommandAsync("/users");
        Assert.Contains(users, l => l.StartsWith("USERS ", StringComparison.Ordinal) && l.Split(' ').Contains("carol"));
        var session = await carolBrowser.Context.APIRequest.GetAsync("/api/session");
        Assert.Equal(401, session.Status);
        carolBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_wrong_password_shows_the_sign_in_error_and_signs_nobody_in()
    {
        await using var server = await WebTestServer.StartAsync();
        await using (await server.Server.ConnectNewAccountAsync("dave", Password))
        {
        }

        await using var daveBrowser = await OpenSessionAsync(server, "dave");
        var dave = await daveBrowser.OpenPageAsync();
        await dave.SubmitSignInAsync("dave", "not-the-password");

        await Expect(dave.ByTestId("login-error")).ToBeVisibleAsync();
        await Expect(dave.ByTestId("login-error")).Not.ToBeEmptyAsync();
        await Expect(dave.ByTestId("login-password")).ToBeVisibleAsync();
        await Expect(dave.ConnectionState).Not.ToHaveAttributeAsync("data-state", "connected");
        var session = await daveBrowser.Context.APIRequest.GetAsync("/api/session");
        Assert.Equal(401, session.Status);
        Assert.DoesNotContain(await daveBrowser.Context.CookiesAsync(), c => c.Name == "parley_session");
        daveBrowser.AssertNoDialogOrScriptError();
    }

    [Fact]
    public async Task A_second_browser_signed_in_to_the_same_account_shares_its_nick()
    {
        await using var server = await WebTestServer.StartAsync();
        await using var laptopBrowser = await OpenSessionAsync(server, "alice-laptop");
        await using var phoneBrowser = await OpenSessionAsync(server, "alice-phone");
        var laptop = await laptopBrowser.OpenPageAsync();
        await laptop.RegisterAsync("alice", Password);

        var phone = await phoneBrowser.OpenPageAsync();
        await phone.SignInAsync("alice", Password);

        await laptop.ExpectSignedInAsync("alice");
        laptopBrowser.AssertNoDialogOrScriptError();
        phoneBrowser.AssertNoDialogOrScriptError();
    }
}
