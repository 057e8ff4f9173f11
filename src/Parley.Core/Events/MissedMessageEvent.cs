using Parley.Core.Messages;

namespace Parley.Core.Events;

/// <summary>A direct message stored while its recipient was offline, delivered at sign-in.</summary>
/// <param name="Message">The message as stored, with its original time.</param>
public sealed class MissedMessageEvent(ChatMessage Message) : ChatEvent
{
    /// <summary>The message as stored, with its original time.</summary>
    public ChatMessage Message { get; } = Message;
}
