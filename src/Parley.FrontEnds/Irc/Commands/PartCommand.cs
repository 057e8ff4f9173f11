using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>PART #a[,#b] [:reason]</c>: leaves rooms; the parter gets its own PART line, the members
/// theirs. 442 when not on the channel, 403 for no such channel.
/// </summary>
internal sealed class PartCommand : IIrcCommand
{
    public string Name => "PART";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => false;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var reason = message.GetParameter(1) is { Length: > 0 } given
            ? IrcText.Truncate(IrcText.FromClient(given), IrcWelcome.MaxTextLength)
            : null;
        foreach (var channel in message.Parameters[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
            PartOne(connection, channel, reason);
        return ValueTask.CompletedTask;
    }

    /// <summary>Parts one channel and answers: the PART line, or the error.</summary>
    public static void PartOne(IrcConnection connection, string channel, string? reason)
    {
        // The name as created (#Dev), for the PART line; the core finds it in any case.
        var shown = connection.Hub.Rooms.Find(channel)?.Name ?? channel;
        var error = connection.Hub.Rooms.Part(connection.Session, channel, reason);
        if (error != ChatError.None)
        {
            IrcChannelReplies.Error(connection, error, channel);
            return;
        }

        connection.Reply(reason is null
            ? new IrcMessage(connection.Mask, "PART", shown)
            : new IrcMessage(connection.Mask, "PART", shown, IrcText.ForWire(reason)));
    }
}
