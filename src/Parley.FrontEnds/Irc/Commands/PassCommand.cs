using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>PASS password</c> before registration: the password of the account of the nick given with
/// NICK; registration then logs in to it instead of taking a guest nick (only over TLS or from a
/// trusted network, <c>Parley:Tls:RequireForLogin</c>).
/// </summary>
internal sealed class PassCommand : IIrcCommand
{
    public string Name => "PASS";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (connection.IsRegistered)
            connection.Numeric(IrcNumerics.ERR_ALREADYREGISTERED, "You may not reregister");
        else
            connection.Password = message.Parameters[0];
        return ValueTask.CompletedTask;
    }
}
