using System.Globalization;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>TIME [server]</c> (modern.ircdocs.horse, TIME): <c>391 nick parley &lt;unix time&gt; 0 :&lt;UTC time&gt;</c>;
/// 402 for another server.
/// </summary>
internal sealed class TimeCommand : IIrcCommand
{
    public string Name => "TIME";
    public int MinParameters => 0;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        if (!ServerQueries.IsThisServer(connection, message.GetParameter(0)))
            return ValueTask.CompletedTask;
        var now = connection.FrontEnd.Time.GetUtcNow();
        connection.Numeric(IrcNumerics.RPL_TIME, connection.ServerName, IrcChannelReplies.UnixTime(now), "0",
            now.UtcDateTime.ToString("dddd MMMM d yyyy -- HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }
}
