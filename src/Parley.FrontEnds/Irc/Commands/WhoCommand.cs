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
                    Reply(connection, whox, room!.Name, member.Session, member.Role);
            }
        }
        else if (mask.AsSpan().ContainsAny('*', '?') || mask == "0")
        {
            var operatorsOnly = flags.Contains('o', StringComparison.Ordinal);
            foreach (var user in Matching(connection, mask == "0" ? "*" : mask))
            {
                if (!operatorsOnly || connection.Hub.Operators.IsOperator(user))
                    Reply(connection, whox, "*", user, MemberRole.None);
            }
        }
        else if (connection.Hub.FindByNick(mask) is { } target)
        {
            Reply(connection, whox, "*", target, MemberRole.None);
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
            var matches = Glob.IsMatch(mask, nick) || Glob.IsMatch(mask, user.UserName) || Glob.IsMatch(mask, user.Host)
                || Glob.IsMatch(mask, user.RealName) || Glob.IsMatch(mask, $"{nick}!{user.UserName}@{user.Host}");
            if (matches && (user == me || !IsInvisible(user) || SharesRoom(me, user)))
                yield return user;
        }
    }

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

    private static void Reply(IrcConnection connection, WhoxFields? whox, string channel, ChatSession user, MemberRole role)
    {
        var nick = user.Nick ?? "*";
        var flags = (connection.Hub.AwayMessageOf(nick) is null ? "H" : "G")
            + (connection.Hub.Operators.IsOperator(user) ? "*" : "")
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
                'l' => IdleSeconds(connection, user),
                // The account's name (an IRC user may hold another nick, docs/irc.md); 0 when logged out.
                'a' => user.AccountName ?? "0",
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
