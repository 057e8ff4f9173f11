using Parley.Core.Messages;

namespace Parley.Core.Events;

/// <summary>A direct message stored while its recipient was offline, delivered at sign-in.</summary>
/// <param name="Message">The message as stored, with its original time.</param>
public sealed class MissedMessageEvent(ChatMessage Message) : ChatEvent
{
    /// <summary>The message as stored, with its original time.</summary>
    public ChatMessage Message { get; } = Message;

    /// <summary>
    /// The nick to show as the recipient when the session holds a nick that is not its account's
    /// name (IRC: the nick kept after SASL), else null (the stored recipient).
    /// </summary>
    public string? ShownTo { get; init; }
}
