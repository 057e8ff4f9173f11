using System.Globalization;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>
/// One change of the nick space as a node hears it (a NOTIFY on <see cref="NodeClaimsSql.Channel"/>,
/// or a row read back): the claim of <see cref="Nick"/> is held with these values, or is free.
/// Payload: <c>kind TAB node TAB key TAB nick TAB account TAB name</c>, kind <c>h</c> (held) or
/// <c>f</c> (free), as <see cref="NodeClaimsSql.Payload"/> builds it in SQL.
/// </summary>
internal readonly record struct NickNotice(bool Held, string Node, string Nick, long? AccountId, string? AccountName)
{
    public string Format() => string.Join('\t',
        Held ? "h" : "f", Node, Core.Storage.NickKey.Of(Nick), Nick, AccountId?.ToString(CultureInfo.InvariantCulture) ?? "", AccountName ?? "");

    /// <summary>Reads a payload; false for one this version does not know (ignored).</summary>
    public static bool TryParse(string payload, out NickNotice notice)
    {
        notice = default;
        var parts = payload.Split('\t');
        if (parts.Length < 6 || parts[0] is not ("h" or "f") || parts[3].Length == 0)
            return false;
        long? account = null;
        if (parts[4].Length > 0)
        {
            if (!long.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                return false;
            account = id;
        }

        notice = new NickNotice(parts[0] == "h", parts[1], parts[3], account, parts[5].Length == 0 ? null : parts[5]);
        return true;
    }
}
