using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// The routing keys of the topic exchange (docs/cluster.md, "RabbitMQ"): <c>nick.&lt;NICK&gt;</c>,
/// <c>account.&lt;id&gt;</c>, <c>room.&lt;ROOM&gt;</c> and <c>all</c>. Names are folded as the hubs
/// compare them (ordinal, ignoring case) and escaped so that a name never holds a word separator
/// (<c>.</c>) or a wildcard word (<c>*</c>, <c>#</c>). Thread-safe; keys are cached.
/// </summary>
internal static class RoutingKeys
{
    /// <summary>The key every node binds: presence, broadcasts, room peers.</summary>
    public const string All = "all";

    // Bounded caches: names are short and a node sees few; past the bound a key is computed each time.
    private const int MaxCached = 100_000;
    private static readonly ConcurrentDictionary<string, string> Nicks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Rooms = new(StringComparer.Ordinal);

    /// <summary>The key of a nick's sessions.</summary>
    public static string Nick(string nick) => Cached(Nicks, "nick.", nick);

    /// <summary>The key of a room's members.</summary>
    public static string Room(string room) => Cached(Rooms, "room.", room);

    /// <summary>The key of an account's sessions.</summary>
    public static string Account(long accountId) => "account." + accountId.ToString(CultureInfo.InvariantCulture);

    private static string Cached(ConcurrentDictionary<string, string> cache, string prefix, string name)
    {
        if (cache.TryGetValue(name, out var key))
            return key;
        key = prefix + Escape(name.ToUpperInvariant());
        if (cache.Count < MaxCached)
            cache.TryAdd(name, key);
        return key;
    }

    /// <summary>Percent-escapes <c>.</c>, <c>*</c>, <c>#</c> and <c>%</c>.</summary>
    internal static string Escape(string folded)
    {
        if (folded.AsSpan().IndexOfAny(".*#%") < 0)
            return folded;
        var escaped = new StringBuilder(folded.Length + 8);
        foreach (var c in folded)
        {
            if (c is '.' or '*' or '#' or '%')
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }
}
