using System.Globalization;

namespace Parley.FrontEnds.Irc.History;

/// <summary>
/// A point in a conversation's history, as CHATHISTORY names it: <c>msgid=&lt;id&gt;</c>,
/// <c>timestamp=&lt;ISO 8601&gt;</c>, or <c>*</c> (none: the latest end).
/// </summary>
internal readonly record struct HistoryReference(long? Id, DateTimeOffset? Time)
{
    /// <summary><c>*</c>.</summary>
    public bool IsNone => Id is null && Time is null;

    /// <summary>Parses a reference; false when it is none of the three forms.</summary>
    public static bool TryParse(string text, bool allowStar, out HistoryReference reference)
    {
        reference = default;
        if (text == "*")
            return allowStar;
        if (text.StartsWith("msgid=", StringComparison.Ordinal))
        {
            if (!IrcEventTagger.TryParseMessageId(text["msgid=".Length..], out var id))
                return false;
            reference = new HistoryReference(id, null);
            return true;
        }

        if (text.StartsWith("timestamp=", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text["timestamp=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            reference = new HistoryReference(null, time);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="item"/> is strictly later than this point (not for <c>*</c>).</summary>
    public bool IsAfter(HistoryItem item) => Id is { } id ? item.Id > id : item.Time > Time!.Value;

    /// <summary>Whether <paramref name="item"/> is strictly earlier than this point (not for <c>*</c>).</summary>
    public bool IsBefore(HistoryItem item) => Id is { } id ? item.Id < id : item.Time < Time!.Value;

    /// <summary>Whether this point is not later than <paramref name="other"/> (same kind compared; mixed kinds count as ordered).</summary>
    public bool IsNotLaterThan(HistoryReference other) => (Id, other.Id, Time, other.Time) switch
    {
        ({ } a, { } b, _, _) => a <= b,
        (_, _, { } a, { } b) => a <= b,
        _ => true,
    };
}
