namespace Parley.Web.BrowserTests;

/// <summary>
/// Every browser test class: one shared Chromium, and the tests run one at a time (two cores run
/// the whole suite; a page per test at a time keeps the timings far from the timeouts).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InOneBrowser : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
