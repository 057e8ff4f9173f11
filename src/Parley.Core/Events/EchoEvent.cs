using Parley.Core.Messages;

namespace Parley.Core.Events;

/// <summary>
/// A message the user sent from another of their connections, shown so every device holds the
/// same conversation.
/// </summary>
/// <param name="Message">The message as stored.</param>
public sealed class EchoEvent(ChatMessage Message) : ChatEvent
{
    /// <summary>The message as stored.</summary>
    public ChatMessage Message { get; } = Message;

    /// <summary>The sender's account (the message's sender is one of its nicks), IRC's <c>account</c> tag; null when unknown.</summary>
    public string? FromAccount { get; init; }
}
