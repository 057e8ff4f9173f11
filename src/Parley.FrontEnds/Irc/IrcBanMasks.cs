using Parley.Core.Moderation;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Ban masks between IRC's <c>nick!user@host</c> and Parley's <c>nick</c>, <c>nick@address</c>
/// or <c>~account</c> (<see cref="BanMask"/>): the user part is dropped (Parley bans no user
/// names) and <c>@*</c> is the same as no address. <c>bob!*@*</c> is <c>bob</c>.
/// </summary>
internal static class IrcBanMasks
{
    /// <summary>The Parley mask for an IRC mask.</summary>
    public static string FromIrc(string mask)
    {
        if (BanMask.IsAccountMask(mask))
            return mask;
        var bang = mask.IndexOf('!', StringComparison.Ordinal);
        var at = mask.LastIndexOf('@');
        var nick = bang >= 0 ? mask[..bang] : at >= 0 ? mask[..at] : mask;
        var address = at >= 0 ? mask[(at + 1)..] : "*";
        if (nick.Length == 0)
            nick = "*";
        return address == "*" ? nick : nick + "@" + address;
    }

    /// <summary>The IRC form of a Parley mask: <c>nick!*@address</c>; a ban by account as it is.</summary>
    public static string ToIrc(string mask)
    {
        if (BanMask.IsAccountMask(mask))
            return mask;
        var at = mask.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? mask + "!*@*" : mask[..at] + "!*" + mask[at..];
    }
}
