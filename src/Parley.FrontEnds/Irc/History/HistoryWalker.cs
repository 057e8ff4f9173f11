using Parley.Core.Presence;

namespace Parley.FrontEnds.Irc.History;

/// <summary>
/// Answers the CHATHISTORY subcommands from a <see cref="HistoryPageReader"/>, which only pages
/// backwards from the newest message (what the line protocol's <c>/history</c> uses): LATEST
/// and BEFORE read what they return; AFTER, BETWEEN and AROUND walk back from the newest message
/// to their reference, at most <see cref="MaxScan"/> messages.
/// </summary>
/// <remarks>Results are oldest first, as CHATHISTORY sends them. Stateless but for the reader.</remarks>
internal sealed class HistoryWalker(HistoryPageReader read)
{
    /// <summary>Messages read per page: 100, the rooms' default <c>MaxHistoryPage</c>.</summary>
    public const int PageSize = 100;

    /// <summary>
    /// Most messages AFTER, BETWEEN and AROUND walk back over to find their reference: 1,000 (ten
    /// pages). A reference further back finds what lies within that reach only.
    /// </summary>
    public const int MaxScan = 1000;

    /// <summary>LATEST: the newest <paramref name="limit"/> messages, only those after <paramref name="after"/> unless it is <c>*</c>.</summary>
    public async ValueTask<(ChatError, List<HistoryItem>)> LatestAsync(HistoryReference after, int limit)
    {
        var (error, page) = await read(null, limit);
        return (error, [.. page.Where(item => after.IsNone || after.IsAfter(item))]);
    }

    /// <summary>BEFORE: the newest <paramref name="limit"/> messages before the reference.</summary>
    public async ValueTask<(ChatError, List<HistoryItem>)> BeforeAsync(HistoryReference before, int limit)
    {
        if (before.Id is { } id)
        {
            var (error, page) = await read(id, limit);
            return (error, [.. page]);
        }

        return await WalkAsync(newestFirst => newestFirst.Where(before.IsBefore).Take(limit), limit, stopWhenCollected: true);
    }

    /// <summary>AFTER: the oldest <paramref name="limit"/> messages after the reference.</summary>
    public ValueTask<(ChatError, List<HistoryItem>)> AfterAsync(HistoryReference after, int limit) =>
        WalkAsync(newestFirst => newestFirst.TakeWhile(after.IsAfter).TakeLast(limit), 0, stopWhen: item => !after.IsAfter(item));

    /// <summary>BETWEEN: messages strictly between the two references, the <paramref name="limit"/> nearest the first.</summary>
    public ValueTask<(ChatError, List<HistoryItem>)> BetweenAsync(HistoryReference first, HistoryReference second, int limit)
    {
        var ascending = first.IsNotLaterThan(second);
        var (low, high) = ascending ? (first, second) : (second, first);
        return WalkAsync(
            newestFirst =>
            {
                var between = newestFirst.Where(high.IsBefore).TakeWhile(low.IsAfter);
                return ascending ? between.TakeLast(limit) : between.Take(limit);
            },
            0,
            stopWhen: item => !low.IsAfter(item));
    }

    /// <summary>AROUND: up to <paramref name="limit"/> messages, about half before the reference and the rest from it on.</summary>
    public ValueTask<(ChatError, List<HistoryItem>)> AroundAsync(HistoryReference around, int limit)
    {
        var before = limit / 2;
        var olderSeen = 0;
        return WalkAsync(
            newestFirst =>
            {
                var olderPart = newestFirst.Where(around.IsBefore).Take(before).ToList();
                var newerPart = newestFirst.TakeWhile(item => !around.IsBefore(item)).TakeLast(limit - olderPart.Count);
                return newerPart.Concat(olderPart);
            },
            0,
            stopWhen: item => around.IsBefore(item) && ++olderSeen >= Math.Max(before, 1));
    }

    // Reads back from the newest message until stopWhen says so, enough is collected, or MaxScan;
    // then selects from the newest-first list and returns the result oldest first.
    private async ValueTask<(ChatError, List<HistoryItem>)> WalkAsync(
        Func<IReadOnlyList<HistoryItem>, IEnumerable<HistoryItem>> select, int limit, bool stopWhenCollected = false, Func<HistoryItem, bool>? stopWhen = null)
    {
        var newestFirst = new List<HistoryItem>();
        long? beforeId = null;
        while (newestFirst.Count < MaxScan)
        {
            var (error, page) = await read(beforeId, PageSize);
            if (error != ChatError.None)
                return (error, []);
            var done = page.Count < PageSize;
            for (var i = page.Count - 1; i >= 0; i--)
            {
                newestFirst.Add(page[i]);
                if (stopWhen?.Invoke(page[i]) == true)
                    done = true;
            }

            if (page.Count == 0 || done || (stopWhenCollected && select(newestFirst).Count() >= limit))
                break;
            beforeId = page[0].Id;
        }

        var result = select(newestFirst).ToList();
        result.Reverse();
        return (ChatError.None, result);
    }
}
