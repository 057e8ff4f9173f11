using Parley.Core.Presence;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/drop &lt;password&gt;</c>: delete the logged-in account (NickServ <c>DROP</c> in the same core).
/// Its other connections close; this one gets its <c>OK</c>, then <c>BYE account dropped</c>.
/// </summary>
internal sealed class DropCommand : ILineCommand
{
    public string Name => "drop";
    public string Usage => "/drop <password>";
    public string Summary => "delete your account (its rooms become ordinary, its other connections close); the password confirms it";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        if (!connection.CheckPasswordAllowed())
            return;
        var result = await connection.Accounts.DropAsync(connection.Session, arguments);
        if (result.Error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.For(result, connection.Session.Nick, connection.Session.Nick));
            return;
        }

        FrontEndLog.AccountDropped(connection.Logger, connection.Session.Id, result.Nick!, result.Nick!);
        connection.Reply(LineWriter.Ok($"account {result.Nick} dropped; reconnect to use the nick as a guest"));
        await connection.RepliesSentAsync();
        connection.Close("account dropped");
    }
}
