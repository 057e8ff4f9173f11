using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.Web.BrowserTests;

/// <summary>
/// The web client's page, driven through the DOM contract's <c>data-testid</c>s (docs/web.md).
/// Every wait is Playwright's: it polls the DOM until the condition holds or the expect timeout
/// (set by <see cref="BrowserFixture"/>) passes, never a sleep.
/// </summary>
internal sealed partial class ChatPage(IPage page)
{
    /// <summary>The Playwright page.</summary>
    public IPage Page { get; } = page;

    /// <summary>The element with <c>data-testid=<paramref name="testId"/></c>.</summary>
    public ILocator ByTestId(string testId) => Page.GetByTestId(testId);

    /// <summary>The connection indicator; its <c>data-state</c> is connected, connecting or offline.</summary>
    public ILocator ConnectionState => ByTestId("connection-state");

    /// <summary>The messages shown in the open buffer.</summary>
    public ILocator Messages => ByTestId("messages").GetByTestId("message");

    /// <summary>The open room's member list entries (found by their own test id: the list may be folded away on a narrow screen).</summary>
    public ILocator Members => ByTestId("member");

    /// <summary>The buffer list entry of <paramref name="buffer"/> (<c>#room</c>, a nick, or <c>*</c>).</summary>
    public ILocator Buffer(string buffer) =>
        ByTestId("buffer-list").Locator($"[data-testid=\"buffer-item\"][data-buffer=\"{buffer}\" i]");

    /// <summary>The member entry of <paramref name="nick"/>.</summary>
    public ILocator Member(string nick) => Page.Locator($"[data-testid=\"member\"][data-nick=\"{nick}\" i]");

    /// <summary>The messages of the open buffer whose text is exactly <paramref name="text"/>.</summary>
    public ILocator MessageWithText(string text) =>
        Messages.Filter(new LocatorFilterOptions { Has = Page.GetByTestId("message-text").GetByText(text, new LocatorGetByTextOptions { Exact = true }) });

    /// <summary>Creates the account in the sign-in form (<c>POST /api/account</c>) and waits until signed in and connected.</summary>
    public async Task RegisterAsync(string account, string password)
    {
        await FillSignInAsync(account, password);
        await ByTestId("register-submit").ClickAsync();
        await ExpectSignedInAsync(account);
    }

    /// <summary>Signs in with the form (<c>POST /api/session</c>) and waits until signed in and connected.</summary>
    public async Task SignInAsync(string account, string password)
    {
        await FillSignInAsync(account, password);
        await ByTestId("login-submit").ClickAsync();
        await ExpectSignedInAsync(account);
    }

    /// <summary>Fills the sign-in form and presses its sign-in button, without waiting for the outcome.</summary>
    public async Task SubmitSignInAsync(string account, string password)
    {
        await FillSignInAsync(account, password);
        await ByTestId("login-submit").ClickAsync();
    }

    /// <summary>Picks the guest nick <paramref name="nick"/> and presses its button, without waiting for the outcome.</summary>
    public async Task SubmitGuestAsync(string nick)
    {
        await ByTestId("guest-nick").FillAsync(nick);
        await ByTestId("guest-submit").ClickAsync();
    }

    /// <summary>Waits until the page is connected with the nick <paramref name="nick"/>.</summary>
    public async Task ExpectSignedInAsync(string nick)
    {
        await ExpectConnectedAsync();
        await Expect(ByTestId("current-nick")).ToHaveTextAsync(nick);
    }

    /// <summary>Waits until the connection indicator says connected.</summary>
    public Task ExpectConnectedAsync() => Expect(ConnectionState).ToHaveAttributeAsync("data-state", "connected");

    /// <summary>Waits until the connection indicator says offline or connecting (the socket is gone).</summary>
    public Task ExpectDisconnectedAsync() => Expect(ConnectionState).ToHaveAttributeAsync("data-state", OfflineOrConnecting());

    /// <summary>Types <paramref name="text"/> in the composer and presses Enter; waits until the composer is empty again.</summary>
    public async Task SendAsync(string text)
    {
        var composer = ByTestId("composer");
        await composer.FillAsync(text);
        await composer.PressAsync("Enter");
        await Expect(composer).ToHaveValueAsync("");
    }

    /// <summary>Sends <c>/join room</c> and waits until the room's buffer is listed and open.</summary>
    public async Task JoinAsync(string room)
    {
        await SendAsync("/join " + room);
        await Expect(Buffer(room)).ToHaveAttributeAsync("data-active", "true");
    }

    /// <summary>Opens the buffer <paramref name="buffer"/> from the list and waits until it is the active one.</summary>
    public async Task OpenAsync(string buffer)
    {
        await Buffer(buffer).ClickAsync();
        await Expect(Buffer(buffer)).ToHaveAttributeAsync("data-active", "true");
    }

    /// <summary>Waits until the open buffer shows one message with exactly <paramref name="text"/>, from <paramref name="from"/> when given.</summary>
    public async Task ExpectMessageAsync(string text, string? from = null)
    {
        var message = MessageWithText(text);
        await Expect(message).ToHaveCountAsync(1);
        if (from is not null)
            await Expect(message.GetByTestId("message-nick")).ToHaveTextAsync(new Regex($"^\\W*{Regex.Escape(from)}\\W*$", RegexOptions.IgnoreCase));
    }

    private async Task FillSignInAsync(string account, string password)
    {
        await ByTestId("login-account").FillAsync(account);
        await ByTestId("login-password").FillAsync(password);
    }

    [GeneratedRegex("^(offline|connecting)$")]
    private static partial Regex OfflineOrConnecting();
}
