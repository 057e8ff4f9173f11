using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Parley.Web.BrowserTests;

/// <summary>
/// One person in the browser: a fresh browser context (its own cookies and storage) on the
/// server's origin, whose pages report every dialog (an <c>alert</c> is a script that ran),
/// uncaught script error and request; the console goes to the test's output.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ITestOutputHelper _output;
    private readonly string _name;

    private BrowserSession(IBrowserContext context, ITestOutputHelper output, string name)
    {
        Context = context;
        _output = output;
        _name = name;
        context.Request += (_, request) => _requests.Enqueue(request.Url);
    }

    /// <summary>The browser context.</summary>
    public IBrowserContext Context { get; }

    /// <summary>Every URL the context's pages requested, in order.</summary>
    public IReadOnlyCollection<string> RequestedUrls => _requests;

    /// <summary>
    /// Opens a context for <paramref name="name"/> on <paramref name="baseUri"/>: desktop size
    /// unless <paramref name="viewport"/> says otherwise, light colour scheme, UTC, en-US (so
    /// screenshots do not depend on the machine).
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(
        BrowserFixture browser, Uri baseUri, ITestOutputHelper output, string name, ViewportSize? viewport = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = ColorScheme.Light,
            TimezoneId = "UTC",
            Locale = "en-US",
            DeviceScaleFactor = 1,
        });
        // Actions (click, fill) wait for their element; a loaded machine needs more than 5 s at times.
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(context, output, name);
    }

    /// <summary>Opens a new page of this context at the web client (<c>/</c>) and waits for it to load.</summary>
    public async Task<ChatPage> OpenPageAsync()
    {
        var page = await Context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            _problems.Enqueue($"{_name}: a {dialog.Type} dialog opened: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => _problems.Enqueue($"{_name}: uncaught script error: {error}");
        page.Console += (_, message) => Log($"{_name} console {message.Type}: {message.Text}");
        // The IRC lines both ways, for the output of a failed test (the page sends no password over /ws).
        page.WebSocket += (_, socket) =>
        {
            socket.FrameSent += (_, frame) => Log($"{_name} ws> {frame.Text}");
            socket.FrameReceived += (_, frame) => Log($"{_name} ws< {frame.Text}");
            socket.Close += (_, _) => Log($"{_name} ws closed");
        };
        await page.GotoAsync("/");
        return new ChatPage(page);
    }

    /// <summary>Fails when any page of this context opened a dialog or threw an uncaught script error.</summary>
    public void AssertNoDialogOrScriptError() => Assert.True(_problems.IsEmpty, string.Join("\n", _problems));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Log(string line)
    {
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test is over (a late console line): nobody to tell.
        }
    }
}
