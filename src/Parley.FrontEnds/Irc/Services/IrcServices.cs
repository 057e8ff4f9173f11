using Parley.Core.Presence;

namespace Parley.FrontEnds.Irc.Services;

/// <summary>The in-band services by nick (docs/irc.md, "Services").</summary>
internal static class IrcServices
{
    /// <summary>NickServ: accounts.</summary>
    public static IrcService NickServ { get; } = new NickServService();

    /// <summary>ChanServ: registered channels.</summary>
    public static IrcService ChanServ { get; } = new ChanServService();

    /// <summary>The service named <paramref name="nick"/> (any case), if any.</summary>
    public static IrcService? Find(string nick) =>
        NickRules.Comparer.Equals(nick, NickServ.Nick) ? NickServ
        : NickRules.Comparer.Equals(nick, ChanServ.Nick) ? ChanServ
        : null;
}
