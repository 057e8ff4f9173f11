using System.Collections.Frozen;
using Parley.Core.Rooms;
using Parley.FrontEnds.Line.Commands;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>The line protocol's commands by name, with the checks they share (Ergo's <c>commands.go</c> shape).</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
internal sealed class LineCommandTable
{
    private readonly FrozenDictionary<string, ILineCommand> _byName;

    public LineCommandTable(IEnumerable<ILineCommand> commands)
    {
        Commands = [.. commands];
        _byName = Commands.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The commands in help order.</summary>
    public IReadOnlyList<ILineCommand> Commands { get; }

    /// <summary>The line protocol's commands (docs/protocol.md), in help order.</summary>
    public static LineCommandTable CreateDefault()
    {
        var help = new HelpCommand();
        var table = new LineCommandTable(
        [
            new NickCommand(),
            new LoginCommand(),
            new RegisterCommand(),
            new LogoutCommand(),
            new PasswdCommand(),
            new CertCommand(),
            new WhoamiCommand(),
            new DirectMessageCommand(),
            new BroadcastCommand(),
            new MissedCommand(),
            new UsersCommand(),
            new JoinCommand(),
            new PartCommand(),
            new SayCommand(),
            new RoomsCommand(),
            new WhoCommand(),
            new TopicCommand(),
            new HistoryCommand(),
            new UnregisterCommand(),
            new RoleCommand("op", MemberRole.Op, grant: true),
            new RoleCommand("deop", MemberRole.Op, grant: false),
            new RoleCommand("voice", MemberRole.Voice, grant: true),
            new RoleCommand("devoice", MemberRole.Voice, grant: false),
            new KickCommand(),
            new BanCommand(),
            new UnbanCommand(),
            new InviteCommand(),
            new ModeCommand(),
            new KillCommand(),
            new RehashCommand(),
            new StatsCommand(),
            new DropCommand(),
            new SaDropCommand(),
            new SaPasswdCommand(),
            new ServerBanCommand(),
            new ServerUnbanCommand(),
            help,
            new QuitCommand(),
        ]);
        help.Build(table);
        return table;
    }

    /// <summary>Runs the shared checks and then the command; every path sends one final reply.</summary>
    public ValueTask DispatchAsync(LineConnection connection, LineRequest request)
    {
        if (!_byName.TryGetValue(request.Command, out var command))
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.UnknownCommand, $"/{request.Command} is not a command; /help lists them"));
            return ValueTask.CompletedTask;
        }

        if (!command.AllowedBeforeRegistration && !connection.Session.IsRegistered)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NotRegistered, "register first with #<nick> or /nick <nick>"));
            return ValueTask.CompletedTask;
        }

        if (command.RequiresServerOperator && !connection.Hub.Operators.IsOperator(connection.Session))
        {
            connection.Reply(LineErrors.For(Core.Presence.ChatError.NotServerOperator));
            return ValueTask.CompletedTask;
        }

        if (command.RequiresArguments && !request.HasArguments)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {command.Usage}"));
            return ValueTask.CompletedTask;
        }

        return command.ExecuteAsync(connection, request);
    }
}
