using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>NICK nick</c>: choose the nick before registration, or change it after. Nicks follow the
/// core's rules (1-32 ASCII letters, digits, <c>_</c>, <c>-</c>), shared with the line protocol.
/// A nick owned by an account is refused to guests with 433. A logged-in user may take its
/// account's name or any nick that is no account's (the account is separate from the nick, as on
/// Ergo); another account's name gets 433.
/// </summary>
internal sealed class NickCommand : IIrcCommand
{
    public string Name => "NICK";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => true;

    public async ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var nick = message.GetParameter(0);
        if (string.IsNullOrEmpty(nick))
        {
            connection.Numeric(IrcNumerics.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }

        if (!NickRules.IsValid(nick))
        {
            connection.Numeric(IrcNumerics.ERR_ERRONEUSNICKNAME, nick, "Erroneous nickname");
            return;
        }

        if (!connection.IsRegistered)
        {
            // Answered at once when taken; with PASS, the nick may be an account online on
            // another device, which registration then logs in to; after SASL, so may the
            // account's own name.
            var ownName = connection.SaslAccount is { } account && NickRules.Comparer.Equals(account.Nick, nick);
            if (connection.Password is null && !ownName && connection.Hub.IsOnline(nick))
            {
                connection.Numeric(IrcNumerics.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
                return;
            }

            connection.PendingNick = nick;
            await connection.TryCompleteRegistrationAsync();
            return;
        }

        // Through the core: a guest's rules, or a logged-in user's (its account's name, or a nick
        // that is no account's).
        var oldMask = connection.Mask;
        var old = connection.Session.Nick;
        var error = connection.Session.IsLoggedIn
            ? await connection.Hub.ChangeSignedInNickAsync(connection.Session, nick)
            : await connection.Hub.RegisterGuestAsync(connection.Session, nick);
        if (error != ChatError.None)
        {
            connection.NickRefused(error, nick);
            return;
        }

        // Others learn it from the hub (line users: "SYS old is now new"); the client itself
        // needs the NICK line to follow its own nick.
        if (!string.Equals(old, nick, StringComparison.Ordinal))
            connection.Reply(new IrcMessage(oldMask, "NICK", nick));
    }
}
