using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// Masks between IRC's <c>nick!user@host</c> and Parley's <c>nick</c>, <c>nick@address</c>
/// or <c>~account</c> (<see cref="BanMask"/>): the user part is dropped (Parley bans no user
/// names) and <c>@*</c> is the same as no address. <c>bob!*@*</c> is <c>bob</c>. Extbans
/// (ISUPPORT <c>EXTBAN=~,am</c>): <c>~a:account</c> is Parley's account mask <c>~account</c>
/// (which is also accepted as is), and <c>+b ~m:mask</c> is a mute, the room's mute list.
/// </summary>
internal static class IrcBanMasks
{
    /// <summary>The extban prefix of a mute in the +b list.</summary>
    public const string MutePrefix = "~m:";

    /// <summary>The extban prefix of an account mask.</summary>
    public const string AccountPrefix = "~a:";

    /// <summary>The Parley mask for an IRC mask (without a <c>~m:</c> prefix).</summary>
    public static string FromIrc(string mask)
    {
        if (mask.StartsWith(AccountPrefix, StringComparison.Ordinal))
            return BanMask.AccountPrefix + mask[AccountPrefix.Length..];
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

    /// <summary>The IRC form of a Parley mask: <c>nick!*@address</c>; an account mask as <c>~a:account</c>.</summary>
    public static string ToIrc(string mask)
    {
        if (BanMask.IsAccountMask(mask))
            return AccountPrefix + mask[1..];
        var at = mask.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? mask + "!*@*" : mask[..at] + "!*" + mask[at..];
    }

    /// <summary>The IRC form of a mask of one of the room's lists: a mute is <c>~m:</c> and the mask.</summary>
    public static string ToIrc(RoomList list, string mask) => list == RoomList.Mutes ? MutePrefix + ToIrc(mask) : ToIrc(mask);

    /// <summary>The IRC mode letter of a list: <c>b</c> (bans and mutes), <c>e</c>, <c>I</c>.</summary>
    public static char LetterOf(RoomList list) => list switch
    {
        RoomList.Exceptions => 'e',
        RoomList.InviteExceptions => 'I',
        _ => 'b',
    };
}
