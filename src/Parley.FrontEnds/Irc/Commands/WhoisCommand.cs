using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WHOIS [server] nick</c>: 311 user, 319 channels (secret ones only to their members), 312 server, 330 account, 335 a bot, 671 on TLS, 301 away, 318 end; 401 and 318
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
        if (connection.Hub.FindByNick(nick) is null && connection.Hub.Directory.Find(nick) is { } remote)
        {
            SendRemote(connection, remote);
            return ValueTask.CompletedTask;
        }

        if (connection.Hub.FindByNick(nick) is not { Nick: { } shown } target)
        {
            connection.Numeric(IrcNumerics.ERR_NOSUCHNICK, nick, "No such nick/channel");
            connection.Numeric(IrcNumerics.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
            return ValueTask.CompletedTask;
        }

        connection.Numeric(IrcNumerics.RPL_WHOISUSER, shown, target.UserName, target.Host, "*", target.RealName);
        SendChannels(connection, shown);
        connection.Numeric(IrcNumerics.RPL_WHOISSERVER, shown, connection.ServerName, "Parley chat server");
        if (target.AccountName is { } account)
            connection.Numeric(IrcNumerics.RPL_WHOISACCOUNT, shown, account, "is logged in as");
        if (target.IsBot)
            connection.Numeric(IrcNumerics.RPL_WHOISBOT, shown, $"is a bot on {connection.FrontEnd.Options.NetworkName}");
        if (target.Security.IsTls)
            connection.Numeric(IrcNumerics.RPL_WHOISSECURE, shown, "is using a secure connection");
        if (connection.Hub.AwayMessageOf(shown) is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, shown, away);
        connection.Numeric(IrcNumerics.RPL_ENDOFWHOIS, shown, "End of /WHOIS list");
        return ValueTask.CompletedTask;
    }

    // A user on another node of a cluster, from this node's replica (no network wait): the same
    // replies, 312 naming the node that hosts it.
    private static void SendRemote(IrcConnection connection, Core.Cluster.RemoteUser user)
    {
        var shown = user.Nick;
        connection.Numeric(IrcNumerics.RPL_WHOISUSER, shown, user.UserName, user.Host, "*", user.RealName);
        var multi = connection.Has(IrcCapabilities.MultiPrefix);
        var channels = connection.Hub.Rooms.RemoteRoomsOf(shown)
            .Where(x => !x.Room.IsSecret || connection.Session.IsIn(x.Room))
            .Select(x => IrcChannelReplies.Prefix(x.Role, multi) + x.Room.Name)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (channels.Count > 0)
            connection.Numeric(IrcNumerics.RPL_WHOISCHANNELS, shown, string.Join(' ', channels));
        connection.Numeric(IrcNumerics.RPL_WHOISSERVER, shown, user.Node, "Parley chat server");
        if (user.Account is { } account)
            connection.Numeric(IrcNumerics.RPL_WHOISACCOUNT, shown, account, "is logged in as");
        if (user.IsBot)
            connection.Numeric(IrcNumerics.RPL_WHOISBOT, shown, $"is a bot on {connection.FrontEnd.Options.NetworkName}");
        if (user.IsSecure)
            connection.Numeric(IrcNumerics.RPL_WHOISSECURE, shown, "is using a secure connection");
        if (user.Away is { } away)
            connection.Numeric(IrcNumerics.RPL_AWAY, shown, away);
        connection.Numeric(IrcNumerics.RPL_ENDOFWHOIS, shown, "End of /WHOIS list");
    }

    // 319: the rooms of every session of the nick, with its prefix there; secret rooms only when
    // the asker is in them too.
    private static void SendChannels(IrcConnection connection, string nick)
    {
        var multi = connection.Has(IrcCapabilities.MultiPrefix);
        var channels = connection.Hub.FindSessions(nick)
            .SelectMany(session => session.Rooms.Select(room => (Room: room, Member: room.FindMember(session))))
            .Where(x => x.Member is not null && (!x.Room.IsSecret || connection.Session.IsIn(x.Room)))
            .GroupBy(x => x.Room)
            .Select(g => IrcChannelReplies.Prefix(g.Aggregate(MemberRole.None, (all, x) => all | x.Member!.Role), multi) + g.Key.Name)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (channels.Count > 0)
            connection.Numeric(IrcNumerics.RPL_WHOISCHANNELS, nick, string.Join(' ', channels));
    }
}
