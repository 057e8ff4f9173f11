using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/sadrop &lt;account&gt;</c>: delete someone's account (server operators only; Ergo's <c>NS SADROP</c>).</summary>
internal sealed class SaDropCommand : ILineCommand
{
    public string Name => "sadrop";
    public string Usage => "/sadrop <account>";
    public string Summary => "delete an account; its connections close (server operators only)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;
    public bool RequiresServerOperator => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (name, _) = LineRequestParser.SplitWord(arguments);
        var (error, account) = await connection.Accounts.DropByOperatorAsync(connection.Session, name);
        if (error != ChatError.None)
        {
            connection.Reply(LineErrors.For(error, nick: name));
            return;
        }

        FrontEndLog.AccountDropped(connection.Logger, connection.Session.Id, account!, connection.Session.Nick!);
        connection.Reply(LineWriter.Ok($"account {account} dropped"));
    }
}
