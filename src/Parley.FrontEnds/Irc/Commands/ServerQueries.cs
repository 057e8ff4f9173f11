using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>What the server-query commands (TIME, VERSION, ADMIN, INFO, STATS) share.</summary>
internal static class ServerQueries
{
    /// <summary>
    /// Whether the optional target names this server (or nothing); otherwise answers 402. A nick
    /// online stands for its server, which is this one (modern.ircdocs.horse: "target ... may be a nickname").
    /// </summary>
    public static bool IsThisServer(IrcConnection connection, string? target)
    {
        if (target is null || string.Equals(target, connection.ServerName, StringComparison.OrdinalIgnoreCase)
            || (NickRules.IsValid(target) && connection.Hub.IsOnline(target)))
            return true;
        connection.Numeric(IrcNumerics.ERR_NOSUCHSERVER, target, "No such server");
        return false;
    }
}
