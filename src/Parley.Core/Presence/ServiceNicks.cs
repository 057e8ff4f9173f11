namespace Parley.Core.Presence;

/// <summary>
/// The nicks of the in-band services (NickServ, ChanServ): reserved, so that nobody, on any
/// protocol, can pose as a service or register its name (docs/irc.md, "Services").
/// </summary>
public static class ServiceNicks
{
    /// <summary>The account service, as Anope, Atheme and Ergo name it.</summary>
    public const string NickServ = "NickServ";

    /// <summary>The channel service.</summary>
    public const string ChanServ = "ChanServ";

    /// <summary>Whether <paramref name="nick"/> (any case) is a service's.</summary>
    /// <param name="nick">A nick.</param>
    /// <returns>True for NickServ and ChanServ.</returns>
    public static bool IsReserved(string nick) =>
        NickRules.Comparer.Equals(nick, NickServ) || NickRules.Comparer.Equals(nick, ChanServ);
}
