using Microsoft.Playwright;

namespace Parley.Web.BrowserTests;

/// <summary>
/// One headless Chromium for the whole browser collection (launching it costs about a second of
/// both cores); each test opens its own <see cref="BrowserSession"/> (a fresh context: no cookies,
/// storage or cache shared between tests). Closed, with Playwright's driver process, at the end.
/// </summary>
/// <remarks>
/// Playwright's <c>LaunchAsync</c> gives the browser a new temporary user data directory per launch,
/// deleted when it closes: a fresh profile per test run.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>
    /// Chromium's flags: no sandbox (tests run as root in CI, where the sandbox refuses to start),
    /// no GPU, and nothing that reaches the network on its own (updates, sync, QUIC probes).
    /// </summary>
    internal static readonly string[] ChromiumArguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The launched browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser fixture is not initialised");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var path = ChromiumLocator.Require(ChromiumLocator.Path);
        // Expect(...) polls the DOM up to this long; the page's work shares two loaded cores.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ChromiumArguments,
            // A loaded 2-core machine can take a while to start Chromium; a missing library fails at once.
            Timeout = 60_000,
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}
