using System.Globalization;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// The registration burst: 001-005, LUSERS (251-255) and the MOTD (375/372/376 or 422), and the
/// replies of the LUSERS and MOTD commands. The fixed parts are computed once.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class IrcWelcome
{
    /// <summary>Longest away message, topic and similar texts, in bytes (AWAYLEN, TOPICLEN).</summary>
    public const int MaxTextLength = 390;

    /// <summary>Most tokens in one RPL_ISUPPORT line (modern.ircdocs.horse).</summary>
    public const int MaxIsupportTokens = 13;

    /// <summary>Longest user name from USER (USERLEN).</summary>
    public const int MaxUserNameLength = 32;

    private readonly IrcOptions _options;
    private readonly string _version;
    private readonly string _created;
    private volatile string[] _motd;

    public IrcWelcome(IrcOptions options, RoomLimits roomLimits, RoomOptions roomOptions, string version, DateTimeOffset started)
    {
        _options = options;
        _version = version;
        _created = started.UtcDateTime.ToString("ddd MMM dd yyyy 'at' HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        _motd = MotdLines(options.Motd);
        // Channels are rooms: their limits come from the rooms' settings. PREFIX shows the owner
        // (~, mode q), which Parley rooms have and IRC clients know; MODE cannot give it.
        string[] tokens =
        [
            "AWAYLEN=" + MaxTextLength, "BOT=" + Commands.ModeCommand.BotMode, "CASEMAPPING=ascii", "CHANLIMIT=#:" + roomLimits.MaxRoomsPerUser, "CHANMODES=beI,k,l,Cimnst",
            "CHANNELLEN=" + (RoomNames.MaxLength + 1), "CHANTYPES=#", "CHATHISTORY=" + Commands.ChatHistoryCommand.MaxLimit, "ELIST=MNU",
            "EXCEPTS=e", "EXTBAN=~,am", "INVEX=I", "KICKLEN=" + MaxTextLength, "LINELEN=512", "MAXLIST=b:" + roomOptions.MaxBansPerRoom + ",e:" + roomOptions.MaxBansPerRoom + ",I:" + roomOptions.MaxBansPerRoom,
            "MODES=" + Commands.ChannelModes.MaxParameterModes, "MONITOR=" + IrcConnection.MaxMonitored, "MSGREFTYPES=msgid,timestamp",
            "NETWORK=" + options.NetworkName, "NICKLEN=" + NickRules.MaxLength, "PREFIX=(qov)~@+", "STATUSMSG=" + IrcChannelReplies.StatusPrefixes,
            "TARGMAX=JOIN:,KICK:,NAMES:,NOTICE:4,PART:,PRIVMSG:4,TAGMSG:1,WHOIS:1", "TOPICLEN=" + RoomHub.MaxTopicLength,
            "USERLEN=" + MaxUserNameLength, "UTF8ONLY", "WHOX",
        ];
        Isupport = [.. tokens.Chunk(MaxIsupportTokens)];
    }

    /// <summary>The RPL_ISUPPORT tokens, at most 13 per line (modern.ircdocs.horse).</summary>
    public IReadOnlyList<string[]> Isupport { get; }

    /// <summary>Sends 001-005, LUSERS and the MOTD to a connection that just registered.</summary>
    public void Send(IrcConnection connection)
    {
        var session = connection.Session;
        connection.Numeric(IrcNumerics.RPL_WELCOME, $"Welcome to the {_options.NetworkName} IRC Network {session.Nick}!{session.UserName}@{session.Host}");
        connection.Numeric(IrcNumerics.RPL_YOURHOST, $"Your host is {_options.ServerName}, running version {_version}");
        connection.Numeric(IrcNumerics.RPL_CREATED, $"This server was created {_created}");
        // User modes, channel modes, channel modes with a parameter: what the rooms issue brings.
        connection.Numeric(IrcNumerics.RPL_MYINFO, _options.ServerName, _version, "Biow", "CIbeiklmnoqstv", "Ibekloqv");
        foreach (var tokens in Isupport)
            connection.Numeric(IrcNumerics.RPL_ISUPPORT, [.. tokens, "are supported by this server"]);
        SendLusers(connection);
        SendMotd(connection);
    }

    /// <summary>
    /// 251-255: users, operators, unregistered connections, channels, this server; then 265 and 266
    /// (local and global users with the most seen: one server, so the same numbers).
    /// </summary>
    public static void SendLusers(IrcConnection connection)
    {
        var hub = connection.Hub;
        var registered = hub.RegisteredCount;
        var invisible = Math.Min(connection.FrontEnd.InvisibleCount, registered);
        // Connections without a nick; an account on several devices is one user but several sessions.
        var unknown = hub.UnregisteredCount;
        // Other nodes of a cluster: their users (once per nick, not held here too) and operators
        // from this node's replica; none on one node.
        var remote = hub.Directory.Count == 0 ? [] : hub.Directory.Users().Where(user => hub.FindByNick(user.Nick) is null).ToList();
        var servers = 1 + hub.Directory.Nodes.Count;
        var global = registered + remote.Count;
        var operators = hub.OperatorsOnline + remote.Count(user => user.IsOperator);
        connection.Numeric(IrcNumerics.RPL_LUSERCLIENT, $"There are {global - invisible} users and {invisible} invisible on {servers} servers");
        connection.Numeric(IrcNumerics.RPL_LUSEROP, operators.ToString(CultureInfo.InvariantCulture), "operator(s) online");
        connection.Numeric(IrcNumerics.RPL_LUSERUNKNOWN, unknown.ToString(CultureInfo.InvariantCulture), "unknown connection(s)");
        connection.Numeric(IrcNumerics.RPL_LUSERCHANNELS, hub.Rooms.Count.ToString(CultureInfo.InvariantCulture), "channels formed");
        connection.Numeric(IrcNumerics.RPL_LUSERME, $"I have {registered} clients and {servers - 1} servers");
        var users = registered.ToString(CultureInfo.InvariantCulture);
        var max = connection.FrontEnd.NoteUserCount(registered).ToString(CultureInfo.InvariantCulture);
        var globalUsers = global.ToString(CultureInfo.InvariantCulture);
        var globalMax = Math.Max(global, connection.FrontEnd.NoteUserCount(registered)).ToString(CultureInfo.InvariantCulture);
        connection.Numeric(IrcNumerics.RPL_LOCALUSERS, users, max, $"Current local users {users}, max {max}");
        connection.Numeric(IrcNumerics.RPL_GLOBALUSERS, globalUsers, globalMax, $"Current global users {globalUsers}, max {globalMax}");
    }

    /// <summary>Replaces the message of the day (a rehash); later MOTDs and welcomes show it. Thread-safe.</summary>
    public void SetMotd(string? motd) => _motd = MotdLines(motd);

    /// <summary>375, 372 per line, 376; or 422 when there is no MOTD.</summary>
    public void SendMotd(IrcConnection connection)
    {
        var motd = _motd;
        if (motd.Length == 0)
        {
            connection.Numeric(IrcNumerics.ERR_NOMOTD, "MOTD File is missing");
            return;
        }

        connection.Numeric(IrcNumerics.RPL_MOTDSTART, $"- {_options.ServerName} Message of the day - ");
        foreach (var line in motd)
            connection.Numeric(IrcNumerics.RPL_MOTD, "- " + line);
        connection.Numeric(IrcNumerics.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    private static string[] MotdLines(string? motd) => string.IsNullOrEmpty(motd)
        ? []
        : [.. motd.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => IrcText.Truncate(IrcText.ForWire(l), 400))];
}
