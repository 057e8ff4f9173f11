using Parley.Core.Messages;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// The conversations with messages strictly between two times (IRCv3 draft/chathistory
    /// <c>TARGETS</c>): the nicks the session's account exchanged direct messages with (logged-in
    /// sessions only) and the rooms the session is in, each with its newest message's time there.
    /// </summary>
    /// <param name="session">The asker; must be registered.</param>
    /// <param name="first">One end of the window; the <paramref name="limit"/> targets nearest it are kept.</param>
    /// <param name="second">The other end.</param>
    /// <param name="limit">Most targets, 1 or more.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The targets, oldest latest message first, or why not (<see cref="ChatError.NotRegistered"/>).</returns>
    public async ValueTask<(ChatError Error, IReadOnlyList<HistoryTarget> Targets)> GetHistoryTargetsAsync(
        ChatSession session, DateTimeOffset first, DateTimeOffset second, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!session.IsRegistered)
            return (ChatError.NotRegistered, []);
        var (after, before) = first <= second ? (first, second) : (second, first);
        var targets = new List<HistoryTarget>();
        if (session.AccountId is { } account)
        {
            // Read-your-writes: what this session was told is stored shows up.
            await _messages.FlushAsync(cancellationToken);
            targets.AddRange(await _messages.GetTargetsAsync(account, after, before, limit, newest: first > second, cancellationToken));
        }

        foreach (var room in session.Rooms)
        {
            if (await Rooms.GetLatestTimeAsync(room.Name, after, before, cancellationToken) is { } latest)
                targets.Add(new HistoryTarget(room.Name, latest));
        }

        targets.Sort(static (a, b) => a.Latest.CompareTo(b.Latest));
        // The window is read from its first end: ascending keeps the oldest, descending the newest.
        var kept = first <= second ? targets.Take(limit) : targets.Skip(Math.Max(0, targets.Count - limit));
        return (ChatError.None, [.. kept]);
    }
}
