using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/dm &lt;nick&gt; &lt;text&gt;</c> and the seeds' <c>@nick:text</c>.</summary>
internal sealed class DirectMessageCommand : ILineCommand
{
    public string Name => "dm";
    public string Usage => "/dm <nick> <text>  (or @<nick>:<text>)";
    public string Summary => "send a direct message to one user";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, text) = LineRequestParser.SplitWord(arguments);
        if (text.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        var error = connection.Hub.SendDirect(connection.Session, nick, text, out var recipient);
        connection.Reply(error == ChatError.None
            ? LineWriter.Ok($"delivered to {recipient}")
            : LineWriter.Error(LineErrorCodes.NoSuchNick, $"{nick} is not online"));
        return ValueTask.CompletedTask;
    }
}
