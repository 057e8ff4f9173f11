using Parley.Core.Presence;

namespace Parley.Core.Tests;

public sealed class NickHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Find_returns_a_nicks_entries_newest_first_in_any_case_and_honours_max()
    {
        var history = new NickHistory();
        history.Add(new WhowasEntry("bob", "b1", "parley", "First", At));
        history.Add(new WhowasEntry("carol", "c", "parley", "Carol", At));
        history.Add(new WhowasEntry("Bob", "b2", "parley", "Second", At));

        Assert.Equal(["b2", "b1"], history.Find("BOB").Select(e => e.UserName));
        Assert.Equal(["b2"], history.Find("bob", max: 1).Select(e => e.UserName));
        Assert.Empty(history.Find("dave"));
    }

    [Fact]
    public void History_is_bounded_to_its_capacity_and_keeps_the_newest()
    {
        var history = new NickHistory();
        for (var i = 0; i < NickHistory.Capacity + 10; i++)
            history.Add(new WhowasEntry("churn", "u" + i, "parley", "", At));

        var found = history.Find("churn");

        Assert.Equal(NickHistory.Capacity, found.Count);
        Assert.Equal("u" + (NickHistory.Capacity + 9), found[0].UserName);
        Assert.Equal("u10", found[^1].UserName);
    }

    [Fact]
    public async Task Concurrent_writers_never_lose_the_bound_or_tear_an_entry()
    {
        var history = new NickHistory();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
                history.Add(new WhowasEntry("nick", $"w{w}", "parley", $"w{w}", At));
        })));

        var found = history.Find("nick");

        Assert.Equal(NickHistory.Capacity, found.Count);
        Assert.All(found, e => Assert.Equal(e.UserName, e.RealName));
    }
}
