using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>SETNAME :realname</c> (ircv3.net/specs/extensions/setname): changes the real name; the client
/// and the channel peers with <c>setname</c> get <c>:nick!u@h SETNAME :realname</c>. Without the
/// capability, or with an empty or over-long name, <c>FAIL SETNAME INVALID_REALNAME</c>.
/// </summary>
internal sealed class SetnameCommand : IIrcCommand
{
    /// <summary>Longest real name, in characters (ISUPPORT has no token for it; as USER's limit in practice).</summary>
    public const int MaxLength = 390;

    public string Name => "SETNAME";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var realName = message.GetParameter(0) is { } given ? IrcText.FromClient(given) : "";
        if (!connection.Has(IrcCapabilities.SetName) || realName.Length is 0 or > MaxLength)
        {
            connection.FromServer("FAIL", "SETNAME", "INVALID_REALNAME", "Realname is not valid");
            return ValueTask.CompletedTask;
        }

        connection.Hub.SetRealName(connection.Session, realName);
        connection.Reply(new IrcMessage(connection.Mask, "SETNAME", IrcText.ForWire(realName)));
        return ValueTask.CompletedTask;
    }
}
