namespace Parley.Web.BrowserTests;

/// <summary>
/// Where the tests find Chromium: Debian's <c>chromium</c> package, never a browser Playwright
/// downloads. <c>PARLEY_CHROMIUM</c> may name another binary (e.g. on a distribution that puts
/// it elsewhere).
/// </summary>
internal static class ChromiumLocator
{
    /// <summary>The Debian package's launcher.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The environment variable that overrides <see cref="DefaultPath"/>.</summary>
    public const string PathVariable = "PARLEY_CHROMIUM";

    /// <summary>The Chromium binary to launch: <c>PARLEY_CHROMIUM</c> when set, else <see cref="DefaultPath"/>.</summary>
    public static string Path => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Returns <paramref name="path"/> when that file exists.</summary>
    /// <exception cref="InvalidOperationException">It does not; the message says how to install Chromium.</exception>
    public static string Require(string path) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"the browser tests need Chromium at {path}, which is missing: install chromium: apt-get install -y chromium "
                + $"(.ci/run installs it; {PathVariable} names another binary). Playwright never downloads a browser here.");
}
