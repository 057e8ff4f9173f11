using System.Collections.Frozen;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/cert add|list|del ...</c>: the client certificates of the logged-in account, for certificate
/// login. Checks what the three share (logged in, a known subcommand, its arguments) and hands the
/// rest of the line to <see cref="CertAddCommand"/>, <see cref="CertListCommand"/> or
/// <see cref="CertDelCommand"/>.
/// </summary>
internal sealed class CertCommand : ILineCommand
{
    private readonly FrozenDictionary<string, ILineCommand> _subcommands =
        new ILineCommand[] { new CertAddCommand(), new CertListCommand(), new CertDelCommand() }
            .ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public string Name => "cert";
    public string Usage => "/cert add [fingerprint] [label] | /cert list | /cert del <fingerprint>";
    public string Summary => "your client certificates for /login without a password (add the one you connected with, list, delete)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, rest) = LineRequestParser.SplitWord(arguments);
        if (!_subcommands.TryGetValue(name, out var subcommand))
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.Syntax, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        if (!connection.Session.IsLoggedIn)
        {
            connection.Reply(ChatErrorReplies.NotLoggedIn);
            return ValueTask.CompletedTask;
        }

        if (subcommand.RequiresArguments && rest.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {subcommand.Usage}"));
            return ValueTask.CompletedTask;
        }

        return subcommand.ExecuteAsync(connection, rest);
    }
}
