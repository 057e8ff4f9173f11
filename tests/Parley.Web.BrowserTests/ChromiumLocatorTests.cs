namespace Parley.Web.BrowserTests;

public sealed class ChromiumLocatorTests
{
    [Fact]
    public void A_missing_chromium_fails_at_once_saying_how_to_install_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "parley-tests", Guid.NewGuid().ToString("N"), "chromium");

        var error = Assert.Throws<InvalidOperationException>(() => ChromiumLocator.Require(missing));

        Assert.Contains("install chromium: apt-get install -y chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chromium_the_tests_launch_is_installed()
    {
        // The browser collection's fixture fails the same way; this names the cause once, on its own.
        Assert.Equal(ChromiumLocator.Path, ChromiumLocator.Require(ChromiumLocator.Path));
    }
}
