using Parley.Core.Presence;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line.Commands;

/// <summary><c>/missed</c>: the next stored messages when more waited than one login delivers.</summary>
internal sealed class MissedCommand : ILineCommand
{
    public string Name => "missed";
    public string Usage => "/missed";
    public string Summary => $"deliver stored messages still waiting (a login delivers {ChatHub.MaxMissedPerDelivery})";
    public bool AllowedBeforeRegistration => false;
    public bool RequiresArguments => false;

    public async ValueTask ExecuteAsync(LineConnection connection, string arguments)
    {
        await connection.RepliesSentAsync();
        var result = await connection.Hub.DeliverMissedAsync(connection.Session);
        if (result.Error != ChatError.None)
        {
            connection.Reply(ChatErrorReplies.NotLoggedIn);
            return;
        }

        var text = $"{result.Delivered} stored messages delivered";
        connection.Reply(LineWriter.Ok(result.Waiting > 0 ? $"{text}; {result.Waiting} more waiting: /missed" : text));
    }
}
