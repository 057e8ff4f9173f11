using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>AWAY [:message]</c>: 306 marked away (the message is cut to AWAYLEN), 305 back when the
/// message is missing or empty. Channel peers with away-notify are told by the core (<c>ChatHub.SetAway</c>).
/// </summary>
internal sealed class AwayCommand : IIrcCommand
{
    public string Name => "AWAY";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (message.GetParameter(0) is { Length: > 0 } text)
        {
            connection.Hub.SetAway(connection.Session, IrcText.Truncate(IrcText.FromClient(text), IrcWelcome.MaxTextLength));
            connection.Numeric(IrcNumerics.RPL_NOWAWAY, "You have been marked as being away");
        }
        else
        {
            connection.Hub.SetAway(connection.Session, null);
            connection.Numeric(IrcNumerics.RPL_UNAWAY, "You are no longer marked as being away");
        }

        return ValueTask.CompletedTask;
    }
}
