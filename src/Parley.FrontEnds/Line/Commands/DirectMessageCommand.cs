using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary>
/// <c>/dm &lt;nick&gt; &lt;text&gt;</c> and the seeds' <c>@nick:text</c>. The reply comes once the
/// message is stored: <c>OK delivered to</c> an online nick, <c>OK stored for</c> an offline account.
/// </summary>
internal sealed class DirectMessageCommand : ILineCommand
{
    public string Name => "dm";
    public string Usage => "/dm <nick> <text>  (or @<nick>:<text>)";
    public string Summary => "send a direct message to one user (kept for them if they are registered and away)";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => true;

    public ValueTask ExecuteAsync(LineConnection connection, LineRequest request) =>
        request.Target is { } nick ? SendAsync(connection, nick, request.Text!) : ExecuteAsync(connection, request.Arguments);

    public ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        var (nick, text) = LineRequestParser.SplitWord(arguments);
        if (text.Length == 0)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NeedMoreParams, $"usage: {Usage}"));
            return ValueTask.CompletedTask;
        }

        return SendAsync(connection, nick, text);
    }

    private static async ValueTask SendAsync(LineConnection connection, string nick, string text)
    {
        var result = await connection.Hub.SendDirectAsync(connection.Session, nick, text);
        if (result.Error != ChatError.None)
        {
            connection.Reply(LineWriter.Error(LineErrorCodes.NoSuchNick, $"{nick} is not online"));
            return;
        }

        connection.ReplyWhenStored(
            result.Committed,
            result.Delivered ? LineWriter.OkDeliveredTo(result.Recipient!) : LineWriter.OkStoredFor(result.Recipient!),
            ChatErrorReplies.StorageFailed);
    }
}
