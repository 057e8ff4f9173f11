namespace Parley.Core.Presence;

/// <summary>
/// The last <see cref="Capacity"/> nicks that left the server or were renamed away from, newest
/// first, for IRC's <c>WHOWAS</c>: a fixed ring of entries, so memory is bounded whatever the churn.
/// </summary>
/// <remarks>
/// Thread-safe without a lock: a writer claims a slot with one <see cref="Interlocked.Increment(ref long)"/>
/// and publishes the entry with one reference write, so a quit or rename never waits for a reader
/// or another writer. A reader scans the ring (a cold path); an entry being overwritten meanwhile is
/// seen either old or new, never torn. Under heavy churn a lookup may miss an entry that was just
/// overwritten, which WHOWAS allows (RFC 2812 §3.6.3: the history is "as much as is available").
/// </remarks>
public sealed class NickHistory
{
    /// <summary>How many entries are kept: 1,024 (Ergo keeps 100 per nick, ircd-hybrid 32,768 in all; this is a few KB).</summary>
    public const int Capacity = 1024;

    private readonly WhowasEntry?[] _ring = new WhowasEntry?[Capacity];
    private long _written;

    /// <summary>Records a nick that left.</summary>
    /// <param name="entry">The entry.</param>
    public void Add(WhowasEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var slot = Interlocked.Increment(ref _written) - 1;
        Volatile.Write(ref _ring[slot % Capacity], entry);
    }

    /// <summary>The entries for <paramref name="nick"/> (any case), newest first.</summary>
    /// <param name="nick">The nick.</param>
    /// <param name="max">Most entries wanted; 0 or less means all.</param>
    /// <returns>A new list, possibly empty.</returns>
    public IReadOnlyList<WhowasEntry> Find(string nick, int max = 0)
    {
        ArgumentNullException.ThrowIfNull(nick);
        var found = new List<WhowasEntry>();
        var newest = Volatile.Read(ref _written) - 1;
        for (var i = newest; i >= 0 && i > newest - Capacity; i--)
        {
            if (Volatile.Read(ref _ring[i % Capacity]) is { } entry && NickRules.Comparer.Equals(entry.Nick, nick))
            {
                found.Add(entry);
                if (max > 0 && found.Count == max)
                    break;
            }
        }

        return found;
    }
}
