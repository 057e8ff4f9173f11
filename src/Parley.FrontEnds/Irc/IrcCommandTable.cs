using System.Collections.Frozen;
using Parley.FrontEnds.Irc.Commands;
using Parley.FrontEnds.Irc.Services;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>IRC's commands by verb, with the checks they share (Ergo's <c>commands.go</c> shape).</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal sealed class IrcCommandTable
{
    private readonly FrozenDictionary<string, IIrcCommand> _byName;

    public IrcCommandTable(IEnumerable<IIrcCommand> commands) =>
        _byName = commands.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

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
    ]);

    /// <summary>Runs the shared checks and then the command.</summary>
    public ValueTask DispatchAsync(IrcConnection connection, IrcMessage message)
    {
        if (!_byName.TryGetValue(message.Command, out var command))
        {
            var verb = message.Command == IrcConnection.UnknownCommandVerb && message.Parameters.Length == 1 ? message.Parameters[0] : message.Command;
            connection.Numeric(IrcNumerics.ERR_UNKNOWNCOMMAND, verb, "Unknown command");
            return ValueTask.CompletedTask;
        }

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

        return command.ExecuteAsync(connection, message);
    }
}
