using Parley.TestKit;

namespace Parley.Server.IntegrationTests.TestKit;

/// <summary>A test whose external program is missing says which one and how to get it.</summary>
public sealed class TestPrerequisitesTests
{
    [Fact]
    public async Task Missing_program_under_tmux_fails_at_once_naming_it_and_its_package()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TmuxSession.StartAsync("parley-no-such-client"));

        Assert.Contains("'parley-no-such-client'", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install parley-no-such-client", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_program_the_tests_start_is_listed_in_the_readme_with_its_package()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));

        Assert.All(TestPrerequisites.Packages, p => Assert.Contains($"`{p.Key}`", readme, StringComparison.Ordinal));
        Assert.Contains("apt-get install " + string.Join(' ', TestPrerequisites.Packages.Values.Distinct()), readme, StringComparison.Ordinal);
    }
}
