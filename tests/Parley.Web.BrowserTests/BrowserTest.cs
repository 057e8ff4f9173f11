using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Parley.Web.BrowserTests;

/// <summary>A test in the browser collection: the shared Chromium, a server per test, a context per person.</summary>
[Collection(InOneBrowser.Name)]
public abstract class BrowserTest(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>A password the server accepts (8-128 characters, no spaces).</summary>
    internal const string Password = "correct-horse-battery";

    /// <summary>The test's output.</summary>
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Opens a fresh browser context for <paramref name="name"/> on <paramref name="server"/>'s origin.</summary>
    internal Task<BrowserSession> OpenSessionAsync(WebTestServer server, string name, ViewportSize? viewport = null) =>
        BrowserSession.OpenAsync(browser, server.BaseUri, Output, name, viewport);
}
