using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>MONITOR + targets | - targets | C | L | S</c> (ircv3.net/specs/extensions/monitor): watch
/// nicks; 730 online (<c>nick!user@host</c>), 731 offline, 732/733 the list, 734 when more than
/// <see cref="IrcConnection.MaxMonitored"/> would be watched.
/// </summary>
internal sealed class MonitorCommand : IIrcCommand
{
    public string Name => "MONITOR";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var targets = (message.GetParameter(1) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        switch (message.Parameters[0])
        {
            case "+":
                Add(connection, targets);
                break;
            case "-":
                connection.Monitored = connection.Monitored.Except(targets);
                break;
            case "C" or "c":
                connection.Monitored = connection.Monitored.Clear();
                break;
            case "L" or "l":
                foreach (var chunk in Chunks(connection.Monitored.Order(StringComparer.OrdinalIgnoreCase)))
                    connection.Numeric(IrcNumerics.RPL_MONLIST, chunk);
                connection.Numeric(IrcNumerics.RPL_ENDOFMONLIST, "End of MONITOR list");
                break;
            case "S" or "s":
                Status(connection, connection.Monitored.Order(StringComparer.OrdinalIgnoreCase));
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void Add(IrcConnection connection, string[] targets)
    {
        var set = connection.Monitored;
        var added = new List<string>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (set.Contains(targets[i]))
                continue;
            if (set.Count >= IrcConnection.MaxMonitored)
            {
                connection.Numeric(IrcNumerics.ERR_MONLISTFULL, IrcConnection.MaxMonitored.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    string.Join(',', targets[i..]), "Monitor list is full.");
                break;
            }

            set = set.Add(targets[i]);
            added.Add(targets[i]);
        }

        connection.Monitored = set;
        Status(connection, added);
    }

    // 730 for the ones online (with their masks), 731 for the rest, each split to fit a line.
    private static void Status(IrcConnection connection, IEnumerable<string> nicks)
    {
        var online = new List<string>();
        var offline = new List<string>();
        foreach (var nick in nicks)
        {
            if (connection.Hub.FindByNick(nick) is { Nick: { } shown } session)
                online.Add(IrcEventEncoder.Mask(shown, session.UserAddress));
            else
                offline.Add(nick);
        }

        foreach (var chunk in Chunks(online))
            connection.Numeric(IrcNumerics.RPL_MONONLINE, chunk);
        foreach (var chunk in Chunks(offline))
            connection.Numeric(IrcNumerics.RPL_MONOFFLINE, chunk);
    }

    // Comma-joined lists of at most ~400 bytes, well within a 512-byte line with the prefix.
    private static IEnumerable<string> Chunks(IEnumerable<string> items)
    {
        var line = new System.Text.StringBuilder();
        foreach (var item in items)
        {
            if (line.Length > 0 && line.Length + 1 + item.Length > 400)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
                line.Append(',');
            line.Append(item);
        }

        if (line.Length > 0)
            yield return line.ToString();
    }
}
