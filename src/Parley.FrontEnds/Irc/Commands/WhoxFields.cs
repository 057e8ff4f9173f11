namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// The fields a WHOX request (<c>WHO &lt;mask&gt; %&lt;fields&gt;[,&lt;token&gt;]</c>,
/// ircv3.net/specs/extensions/whox) asks for, and its token. The reply (354) always lists them in
/// the fixed order <see cref="Order"/>, whatever order the request gave.
/// </summary>
/// <param name="Letters">The standard field letters asked for, in <see cref="Order"/>; unknown letters are dropped (the spec says to ignore them).</param>
/// <param name="Token">The token for <c>t</c>: 1-3 digits, or <c>0</c> when the request gave none or a bad one.</param>
internal sealed record WhoxFields(string Letters, string Token)
{
    /// <summary>The order of the fields in 354 (modern.ircdocs.horse, RPL_WHOSPCRPL): token, channel, user, IP, host, server, nick, flags, hop count, idle, account, op level, real name.</summary>
    public const string Order = "tcuihsnfdlaor";

    /// <summary>Reads the second parameter of WHO; null when it asks for no WHOX reply (no <c>%</c>).</summary>
    /// <param name="parameter">The parameter, e.g. <c>%tna,42</c> or <c>o%na</c>; null when absent.</param>
    /// <param name="flags">What comes before the <c>%</c> (e.g. <c>o</c>: operators only), or the whole parameter without one.</param>
    public static WhoxFields? Parse(string? parameter, out string flags)
    {
        flags = parameter ?? "";
        var percent = flags.IndexOf('%', StringComparison.Ordinal);
        if (percent < 0)
            return null;
        var request = flags[(percent + 1)..];
        flags = flags[..percent];
        var comma = request.IndexOf(',', StringComparison.Ordinal);
        var token = comma < 0 ? "" : request[(comma + 1)..];
        var letters = comma < 0 ? request : request[..comma];
        var valid = token.Length is >= 1 and <= 3 && token.All(char.IsAsciiDigit);
        return new WhoxFields(string.Concat(Order.Where(f => letters.Contains(f, StringComparison.Ordinal))), valid ? token : "0");
    }

    /// <summary>Whether field <paramref name="letter"/> was asked for.</summary>
    public bool Has(char letter) => Letters.Contains(letter, StringComparison.Ordinal);
}
