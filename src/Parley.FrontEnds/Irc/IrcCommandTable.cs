using System.Collections.Frozen;
using Parley.FrontEnds.Irc.Commands;
using Parley.FrontEnds.Irc.Services;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>IRC's commands by verb, with the checks they share (Ergo's <c>commands.go</c> shape).</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal sealed class IrcCommandTable
{
    private readonly FrozenDictionary<string, (IIrcCommand Command, int Index)> _byName;
    private readonly string[] _names;
    private readonly IrcCommandCounts _counts;

    public IrcCommandTable(IEnumerable<IIrcCommand> commands)
    {
        _names = [.. commands.Select(c => c.Name).Distinct(StringComparer.Ordinal)];
        var indexes = _names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        _byName = commands.ToFrozenDictionary(c => c.Name, c => (c, indexes[c.Name]), StringComparer.Ordinal);
        _counts = new IrcCommandCounts(_names.Length);
    }

    /// <summary>
    /// Every command that has run at least once since start-up with its count, by name (<c>STATS m</c>).
    /// Counted when a known command passes the shared checks.
    /// </summary>
    public IEnumerable<(string Command, long Count)> Usage()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (_counts.Read(i) is var count and > 0)
                yield return (_names[i], count);
        }
    }

    /// <summary>The commands of the IRC front-end (docs/irc.md).</summary>
    public static IrcCommandTable CreateDefault() => new(
    [
        new CapCommand(),
        new PassCommand(),
        new AuthenticateCommand(),
        new NickCommand(),
        new UserCommand(),
        new PingCommand(),
        new PongCommand(),
        new QuitCommand(),
        new MessageCommand(notice: false),
        new MessageCommand(notice: true),
        new TagmsgCommand(),
        new ChatHistoryCommand(),
        new MarkReadCommand(),
        new RedactCommand(),
        new WhoisCommand(),
        new IsonCommand(),
        new UserhostCommand(),
        new AwayCommand(),
        new ModeCommand(),
        new MotdCommand(),
        new RehashCommand(),
        new LusersCommand(),
        new JoinCommand(),
        new PartCommand(),
        new TopicCommand(),
        new NamesCommand(),
        new ListCommand(),
        new WhoCommand(),
        new KickCommand(),
        new InviteCommand(),
        new RegisterCommand(),
        new MonitorCommand(),
        new SetnameCommand(),
        new HelpCommand("HELP"),
        new HelpCommand("HELPOP"),
        new VerifyCommand(),
        new ServiceAliasCommand("NICKSERV", IrcServices.NickServ),
        new ServiceAliasCommand("NS", IrcServices.NickServ),
        new ServiceAliasCommand("CHANSERV", IrcServices.ChanServ),
        new ServiceAliasCommand("CS", IrcServices.ChanServ),
        new OperCommand(),
        new KillCommand(),
        new WallopsCommand(),
        new InfoCommand(),
        new TimeCommand(),
        new VersionCommand(),
        new AdminCommand(),
        new StatsCommand(),
        new WhowasCommand(),
        new BatchCommand(),
    ]);

    /// <summary>Runs the shared checks and then the command.</summary>
    public ValueTask DispatchAsync(IrcConnection connection, IrcMessage message)
    {
        // A line of a client draft/multiline batch is collected, not run (BatchCommand); a line
        // tagged for a batch that is not open is dropped, never sent as a message of its own.
        if (connection.Has(IrcCapabilities.Multiline) && message.TryGetTag("batch", out var batchId))
        {
            if (connection.MultilineBatch is { } batch && batch.Id == batchId)
                BatchCommand.AddLine(connection, batch, message);
            else
                connection.FromServer("FAIL", "BATCH", "MULTILINE_INVALID", "No open multiline batch " + batchId);
            return ValueTask.CompletedTask;
        }

        if (!_byName.TryGetValue(message.Command, out var entry))
        {
            var verb = message.Command == IrcConnection.UnknownCommandVerb && message.Parameters.Length == 1 ? message.Parameters[0] : message.Command;
            connection.Numeric(IrcNumerics.ERR_UNKNOWNCOMMAND, verb, "Unknown command");
            return ValueTask.CompletedTask;
        }

        var command = entry.Command;
        if (!command.AllowedBeforeRegistration && !connection.IsRegistered)
        {
            connection.Numeric(IrcNumerics.ERR_NOTREGISTERED, "You have not registered");
            return ValueTask.CompletedTask;
        }

        if (message.Parameters.Length < command.MinParameters)
        {
            connection.Numeric(IrcNumerics.ERR_NEEDMOREPARAMS, command.Name, "Not enough parameters");
            return ValueTask.CompletedTask;
        }

        _counts.Increment(entry.Index);
        return command.ExecuteAsync(connection, message);
    }
}
