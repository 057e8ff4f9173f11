using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WHOIS [server] nick</c>: 311 user, 312 server, 330 account, 671 on TLS, 301 away, 318 end; 401 and 318
/// for a nick not online. Only the first of comma-separated nicks is looked up (TARGMAX WHOIS:1).
/// </summary>
internal sealed class WhoisCommand : IIrcCommand
{
    public string Name => "WHOIS";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.Parameters.Length == 0 || message.Parameters[^1].Length == 0)
        {
            connection.Numeric(IrcNumerics.ERR_NONICKNAMEGIVEN, "No nickname given");
            return ValueTask.CompletedTask;
        }

        var nick = message.Parameters[^1].Split(',')[0];
        if (connection.Hub.FindByNick(nick) is not { Nick: { } shown } target)
        {
            connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
            connection.Numeric(IrcNumerics.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
            return ValueTask.CompletedTask;
        }

        // Part 2 hook: 319 RPL_WHOISCHANNELS (rooms) goes here.
        connection.Numeric(IrcNumerics.RPL_WHOISUSER, shown, target.UserName, target.Host, "*", target.RealName);
        connection.Numeric(IrcNumerics.RPL_WHOISSERVER, shown, connection.ServerName, "Parley chat server");
        if (target.IsLoggedIn)
            connection.Numeric(IrcNumerics.RPL_WHOISACCOUNT, shown, shown, "is logged in as");
        if (target.Security.IsTls)
            connection.Numeric(IrcNumerics.RPL_WHOISSECURE, shown, "is using a secure connection");
        if (connection.Hub.AwayMessageOf(shown) is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, shown, away);
        connection.Numeric(IrcNumerics.RPL_ENDOFWHOIS, shown, "End of /WHOIS list");
        return ValueTask.CompletedTask;
    }
}
