using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary><c>ISON nick [nick...]</c>: 303 with those online, as they spell their nicks.</summary>
internal sealed class IsonCommand : IIrcCommand
{
    public string Name => "ISON";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var online = new List<string>();
        foreach (var parameter in message.Parameters)
        {
            foreach (var nick in parameter.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (connection.Hub.FindByNick(nick) is { Nick: { } shown })
                    online.Add(shown);
                else if (connection.Hub.Directory.Find(nick) is { } remote)
                    online.Add(remote.Nick);
            }
        }

        connection.Numeric(IrcNumerics.RPL_ISON, string.Join(' ', online));
        return ValueTask.CompletedTask;
    }
}
