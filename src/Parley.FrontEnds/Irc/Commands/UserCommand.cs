using System.Text;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>USER username mode unused :realname</c>: the user name (ident) and real name. The user
/// name keeps only letters, digits, <c>_</c>, <c>-</c> and <c>.</c> (at most USERLEN); when
/// nothing is left, the nick stands in. An empty user name or real name is 461
/// (modern.ircdocs.horse, USER: an empty real name is ERR_NEEDMOREPARAMS).
/// </summary>
internal sealed class UserCommand : IIrcCommand
{
    public string Name => "USER";
    public int MinParameters => 4;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (connection.IsRegistered)
        {
            connection.Numeric(IrcNumerics.ERR_ALREADYREGISTERED, "You may not reregister");
            return ValueTask.CompletedTask;
        }

        if (message.Parameters[0].Length == 0 || message.Parameters[3].Length == 0)
        {
            connection.Numeric(IrcNumerics.ERR_NEEDMOREPARAMS, Name, "Not enough parameters");
            return ValueTask.CompletedTask;
        }

        var userName = Clean(message.Parameters[0]);
        var realName = IrcText.Truncate(IrcText.FromClient(message.Parameters[3]), IrcWelcome.MaxTextLength);
        connection.User = (userName.Length == 0 ? null : userName, realName);
        return connection.TryCompleteRegistrationAsync();
    }

    private static string Clean(string userName)
    {
        var builder = new StringBuilder(Math.Min(userName.Length, IrcWelcome.MaxUserNameLength));
        foreach (var c in userName)
        {
            if (builder.Length == IrcWelcome.MaxUserNameLength)
                break;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
                builder.Append(c);
        }

        return builder.ToString();
    }
}
