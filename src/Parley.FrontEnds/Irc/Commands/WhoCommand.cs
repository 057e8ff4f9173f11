using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>WHO #chan</c> (its members, unless secret to the asker), <c>WHO nick</c>, or <c>WHO mask [o]</c>,
/// each also as WHOX (<c>WHO mask [o]%fields[,token]</c>: 354 with the fields asked for, see <see cref="WhoxFields"/>):
/// 352 <c>channel user host server nick flags :0 realname</c> per user, then 315. A mask (<c>*</c>,
/// <c>coolni*</c>) is matched against each online user's nick, user name, host, real name and
/// <c>nick!user@host</c> (modern.ircdocs.horse, WHO); a user with <c>+i</c> is listed only to
/// itself and to users sharing a channel with it; <c>o</c> lists server operators only. Flags:
/// <c>H</c> here or <c>G</c> away, <c>*</c> for a server operator, <c>B</c> for a bot, then the channel prefixes (all
/// of them with multi-prefix).
/// </summary>
internal sealed class WhoCommand : IIrcCommand
{
    public string Name => "WHO";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var mask = message.GetParameter(0) is { Length: > 0 } given ? given : "*";
        var whox = WhoxFields.Parse(message.GetParameter(1), out var flags);
        if (mask.StartsWith('#'))
        {
            if (connection.Hub.Rooms.FindVisible(connection.Session, mask, out var room) == ChatError.None)
            {
                foreach (var member in IrcChannelReplies.Distinct(room!))
                    Reply(connection, whox, room!.Name, Local(connection, member.Session), member.Role);
                // Members on other nodes of a cluster (none on one node).
                if (room!.RemoteCount > 0)
                {
                    foreach (var member in connection.Hub.Rooms.Listing(room))
                    {
                        if (member.Session is null)
                            Reply(connection, whox, room.Name, Remote(member.User, member.Nick), member.Role);
                    }
                }
            }
        }
        else if (mask.AsSpan().ContainsAny('*', '?') || mask == "0")
        {
            var operatorsOnly = flags.Contains('o', StringComparison.Ordinal);
            foreach (var user in Matching(connection, mask == "0" ? "*" : mask))
            {
                if (!operatorsOnly || connection.Hub.Operators.IsOperator(user))
                    Reply(connection, whox, "*", Local(connection, user), MemberRole.None);
            }

            foreach (var user in connection.Hub.Directory.Users())
            {
                // Another node's users that no session here holds; +i is not replicated, so all are listed.
                if ((!operatorsOnly || user.IsOperator) && connection.Hub.FindByNick(user.Nick) is null && Matches(mask == "0" ? "*" : mask, user.Nick, user.UserName, user.Host, user.RealName))
                    Reply(connection, whox, "*", Remote(user, user.Nick), MemberRole.None);
            }
        }
        else if (connection.Hub.FindByNick(mask) is { } target)
        {
            Reply(connection, whox, "*", Local(connection, target), MemberRole.None);
        }
        else if (connection.Hub.Directory.Find(mask) is { } remote)
        {
            Reply(connection, whox, "*", Remote(remote, remote.Nick), MemberRole.None);
        }

        connection.Numeric(IrcNumerics.RPL_ENDOFWHO, mask, "End of WHO list");
        return ValueTask.CompletedTask;
    }

    // Every online nick once (an account on several devices is one user), visible to the asker.
    private static IEnumerable<ChatSession> Matching(IrcConnection connection, string mask)
    {
        var me = connection.Session;
        foreach (var nick in connection.Hub.OnlineNicks())
        {
            if (connection.Hub.FindByNick(nick) is not { } user)
                continue;
            if (Matches(mask, nick, user.UserName, user.Host, user.RealName) && (user == me || !IsInvisible(user) || SharesRoom(me, user)))
                yield return user;
        }
    }

    private static bool Matches(string mask, string nick, string userName, string host, string realName) =>
        Glob.IsMatch(mask, nick) || Glob.IsMatch(mask, userName) || Glob.IsMatch(mask, host)
            || Glob.IsMatch(mask, realName) || Glob.IsMatch(mask, $"{nick}!{userName}@{host}");

    private static bool IsInvisible(ChatSession user) => user.Sink is IrcConnection { Invisible: true };

    private static bool SharesRoom(ChatSession me, ChatSession user)
    {
        foreach (var room in user.Rooms)
        {
            if (me.IsIn(room))
                return true;
        }

        return false;
    }

    // What a WHO line shows of a user, on this node or another.
    private readonly record struct WhoUser(string Nick, string UserName, string Host, string RealName, bool IsAway, bool IsOperator, bool IsBot, string Address, string? Account, ChatSession? Session);

    private static WhoUser Local(IrcConnection connection, ChatSession user)
    {
        var nick = user.Nick ?? "*";
        return new WhoUser(nick, user.UserName, user.Host, user.RealName, connection.Hub.AwayMessageOf(nick) is not null, connection.Hub.Operators.IsOperator(user),
            user.IsBot, user.Address, user.AccountName, user);
    }

    // Another node's user: its address is that node's to know (placeholder), idle time is not replicated.
    private static WhoUser Remote(Core.Cluster.RemoteUser? user, string nick) => user is null
        ? new WhoUser(nick, nick, ChatSession.CloakedHost, nick, false, false, false, "255.255.255.255", null, null)
        : new WhoUser(user.Nick, user.UserName, user.Host, user.RealName, user.Away is not null, user.IsOperator, user.IsBot, "255.255.255.255", user.Account, null);

    private static void Reply(IrcConnection connection, WhoxFields? whox, string channel, WhoUser user, MemberRole role)
    {
        var nick = user.Nick;
        var flags = (user.IsAway ? "G" : "H")
            + (user.IsOperator ? "*" : "")
            + (user.IsBot ? "B" : "")
            + IrcChannelReplies.Prefix(role, connection.Has(IrcCapabilities.MultiPrefix));
        if (whox is null)
        {
            connection.Numeric(IrcNumerics.RPL_WHOREPLY, channel, user.UserName, user.Host, connection.ServerName, nick, flags, "0 " + user.RealName);
            return;
        }

        // 354 with exactly the fields asked for, in WhoxFields.Order (ircv3.net/specs/extensions/whox).
        var fields = new List<string>(whox.Letters.Length);
        foreach (var letter in whox.Letters)
        {
            fields.Add(letter switch
            {
                't' => whox.Token,
                'c' => channel,
                'u' => user.UserName,
                // The address only to server operators; others get the placeholder the spec gives.
                'i' => connection.Hub.Operators.IsOperator(connection.Session) ? user.Address : "255.255.255.255",
                'h' => user.Host,
                's' => connection.ServerName,
                'n' => nick,
                'f' => flags,
                'd' => "0",
                'l' => user.Session is { } local ? IdleSeconds(connection, local) : "0",
                // The account's name (an IRC user may hold another nick, docs/irc.md); 0 when logged out.
                'a' => user.Account ?? "0",
                // Channel op levels (ircu's +A/+U) do not exist here.
                'o' => "n/a",
                _ => user.RealName.Length == 0 ? "*" : user.RealName,
            });
        }

        connection.Numeric(IrcNumerics.RPL_WHOSPCRPL, [.. fields]);
    }

    // Seconds since the user's connection last sent a line (IRC users); 0 for line users, whose idle time is not kept.
    private static string IdleSeconds(IrcConnection connection, ChatSession user) =>
        (user.Sink is IrcConnection irc ? irc.IdleFor(connection.FrontEnd.Time.GetUtcNow()) : TimeSpan.Zero)
            .TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
