namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/quit [reason]</c>: leave; everyone else is told, as in the seeds.</summary>
internal sealed class QuitCommand : ILineCommand
{
    public string Name => "quit";
    public string Usage => "/quit [reason]";
    public string Summary => "leave the chat";
    public bool AllowedBeforeRegistration => true;
    public bool RequiresArguments => false;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        // Earlier commands' replies (waiting for their commits) go out before BYE.
        await connection.RepliesSentAsync();
        var reason = arguments.Length == 0 ? null : arguments;
        connection.Hub.Quit(connection.Session, reason);
        // The log says "quit", never the user's own words.
        connection.SetLogReason("quit");
        connection.Close(reason ?? "goodbye");
    }
}
