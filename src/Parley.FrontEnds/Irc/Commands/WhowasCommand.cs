using System.Globalization;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WHOWAS &lt;nick&gt; [&lt;count&gt;]</c> (modern.ircdocs.horse, WHOWAS; RFC 2812 §3.6.3): per
/// past use of the nick, newest first, <c>314 nick user host * :realname</c> and <c>312 nick parley
/// :&lt;when it left&gt;</c>; then 369. 406 (and 369) when the bounded history
/// (<see cref="Core.Presence.NickHistory"/>) has none; 431 without a nick.
/// </summary>
internal sealed class WhowasCommand : IIrcCommand
{
    public string Name => "WHOWAS";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is not { Length: > 0 } nick)
        {
            connection.Numeric(IrcNumerics.ERR_NONICKNAMEGIVEN, "No nickname given");
            return ValueTask.CompletedTask;
        }

        var count = int.TryParse(message.GetParameter(1), NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) ? wanted : 0;
        var entries = connection.Hub.NickHistory.Find(nick, count);
        if (entries.Count == 0)
            connection.Numeric(IrcNumerics.ERR_WASNOSUCHNICK, nick, "There was no such nickname");
        foreach (var entry in entries)
        {
            connection.Numeric(IrcNumerics.RPL_WHOWASUSER, entry.Nick, entry.UserName, entry.Host, "*", entry.RealName);
            connection.Numeric(IrcNumerics.RPL_WHOISSERVER, entry.Nick, connection.ServerName, IrcText.FormatTime(entry.LeftAt));
        }

        connection.Numeric(IrcNumerics.RPL_ENDOFWHOWAS, nick, "End of WHOWAS");
        return ValueTask.CompletedTask;
    }
}
