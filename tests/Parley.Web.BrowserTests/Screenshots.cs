using Microsoft.Playwright;

namespace Parley.Web.BrowserTests;

/// <summary>
/// The README's pictures of the web client: each run writes them to <c>docs/screenshots/</c> under
/// fixed names (<c>sign-in.png</c>, <c>room.png</c>, <c>dm.png</c>, <c>dark.png</c>, <c>phone.png</c>),
/// without the caret and with animations finished, so only what the client draws changes them.
/// </summary>
internal static class Screenshots
{
    /// <summary>The folder, <c>docs/screenshots</c> of the repository holding the test binaries.</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Find(), "docs", "screenshots");

    /// <summary>Saves the visible part of <paramref name="page"/> as <c>docs/screenshots/<paramref name="name"/></c>; returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            Caret = ScreenshotCaret.Hide,
            Animations = ScreenshotAnimations.Disabled,
        });
        return path;
    }
}
