using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>PASS password</c>: kept for the account login that comes with accounts; not checked yet.</summary>
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
