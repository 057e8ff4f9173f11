using System.Collections.Frozen;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>HELP [subject]</c> and <c>HELPOP</c> (modern.ircdocs.horse "HELP message"): 704, 705 lines and
/// 706, or 524 for a subject without help. The subjects are the commands, one line each.
/// </summary>
internal sealed class HelpCommand(string name) : IIrcCommand
{
    private static readonly FrozenDictionary<string, string> Topics = new Dictionary<string, string>
    {
        ["AWAY"] = "AWAY [:message] - mark yourself away, or back without a message",
        ["CAP"] = "CAP LS [302] | LIST | REQ :caps | END - IRCv3 capability negotiation",
        ["CHATHISTORY"] = "CHATHISTORY LATEST|BEFORE|AFTER|AROUND|BETWEEN <target> ... - read stored history",
        ["CS"] = "CS <request> - the same as /msg ChanServ <request>",
        ["INVITE"] = "INVITE <nick> <#channel> - invite a user into a channel",
        ["JOIN"] = "JOIN <#channel>[,...] [key,...] - join channels (creating them)",
        ["KICK"] = "KICK <#channel> <nick> [:reason] - remove a user from a channel (operators)",
        ["LIST"] = "LIST [#chan,...|>n|<n|mask|!mask] - list channels (ELIST filters M, N, U)",
        ["MODE"] = "MODE <#channel|nick> [changes] - show or change modes",
        ["MONITOR"] = "MONITOR + nicks | - nicks | C | L | S - watch when nicks come online or go",
        ["NAMES"] = "NAMES <#channel> - list a channel's members",
        ["NICK"] = "NICK <nick> - change your nick",
        ["NS"] = "NS <request> - the same as /msg NickServ <request>",
        ["PART"] = "PART <#channel>[,...] [:reason] - leave channels",
        ["PRIVMSG"] = "PRIVMSG <nick|#channel>[,...] :text - send a message (to NickServ or ChanServ: a service request)",
        ["QUIT"] = "QUIT [:reason] - disconnect",
        ["REGISTER"] = "REGISTER <account|*> <email|*> <password> - make your nick an account (IRCv3)",
        ["TOPIC"] = "TOPIC <#channel> [:text] - show or set the topic",
        ["WHO"] = "WHO <mask|#channel> [%fields] - list users (WHOX with %fields)",
        ["WHOIS"] = "WHOIS <nick> - show a user",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public string Name => name;
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var subject = message.GetParameter(0);
        if (subject is null or "*" or "")
        {
            connection.Numeric(IrcNumerics.RPL_HELPSTART, "*", "Parley IRC help: HELP <command> for one; /msg NickServ HELP and /msg ChanServ HELP for the services");
            connection.Numeric(IrcNumerics.RPL_HELPTXT, "*", "Commands: " + string.Join(' ', Topics.Keys.Order(StringComparer.Ordinal)));
            connection.Numeric(IrcNumerics.RPL_ENDOFHELP, "*", "End of /HELP");
        }
        else if (Topics.TryGetValue(subject, out var text))
        {
            var key = subject.ToUpperInvariant();
            connection.Numeric(IrcNumerics.RPL_HELPSTART, key, key);
            connection.Numeric(IrcNumerics.RPL_HELPTXT, key, text);
            connection.Numeric(IrcNumerics.RPL_ENDOFHELP, key, "End of /HELP");
        }
        else
        {
            connection.Numeric(IrcNumerics.ERR_HELPNOTFOUND, subject, "No help available on this topic");
        }

        return ValueTask.CompletedTask;
    }
}
