using System.Globalization;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>STATS &lt;letter&gt;</c> (modern.ircdocs.horse, STATS), three letters: <c>u</c> the uptime
/// (242), for anyone; <c>m</c> how often each command ran since start-up (212
/// <c>&lt;command&gt; &lt;count&gt;</c>, by name; <see cref="IrcCommandCounts"/>) and <c>o</c> the
/// operator accounts of <c>Parley:Operators</c> (243 each), for server operators (481 otherwise). Every query ends with 219; other letters give only 219.
/// </summary>
internal sealed class StatsCommand : IIrcCommand
{
    public string Name => "STATS";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var query = message.Parameters[0];
        if (!ServerQueries.IsThisServer(connection, message.GetParameter(1)))
            return ValueTask.CompletedTask;
        switch (query)
        {
            case "u":
                var up = connection.FrontEnd.Time.GetUtcNow() - connection.FrontEnd.StartedAt;
                connection.Numeric(IrcNumerics.RPL_STATSUPTIME, string.Create(CultureInfo.InvariantCulture,
                    $"Server Up {up.Days} days {up.Hours}:{up.Minutes:00}:{up.Seconds:00}"));
                break;
            case "o" when !connection.Hub.Operators.IsOperator(connection.Session):
                connection.Numeric(IrcNumerics.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
                return ValueTask.CompletedTask;
            case "m" when !connection.Hub.Operators.IsOperator(connection.Session):
                connection.Numeric(IrcNumerics.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
                return ValueTask.CompletedTask;
            case "m":
                foreach (var (command, count) in connection.FrontEnd.Commands.Usage().OrderBy(u => u.Command, StringComparer.Ordinal))
                    connection.Numeric(IrcNumerics.RPL_STATSCOMMANDS, command, count.ToString(CultureInfo.InvariantCulture));
                break;
            case "o":
                foreach (var account in connection.Hub.Operators.Accounts.Order(StringComparer.OrdinalIgnoreCase))
                    connection.Numeric(IrcNumerics.RPL_STATSOLINE, "O", "*", "*", account);
                break;
        }

        connection.Numeric(IrcNumerics.RPL_ENDOFSTATS, query, "End of /STATS report");
        return ValueTask.CompletedTask;
    }
}
