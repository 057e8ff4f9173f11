namespace Parley.Core.Events;

/// <summary>A message to every registered user.</summary>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="Text">Message text.</param>
public sealed class BroadcastEvent(string From, string Text) : ChatEvent
{
    /// <summary>Sender's nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>Message text.</summary>
    public string Text { get; } = Text;

    /// <summary>The sender's user name and host, as <see cref="DirectMessageEvent.FromAddress"/>; null when unknown.</summary>
    public UserAddress? FromAddress { get; init; }

    /// <summary>The stored message's id, as <see cref="DirectMessageEvent.MessageId"/>; null when not stored.</summary>
    public long? MessageId { get; init; }

    /// <summary>The sender's account when logged in, as <see cref="DirectMessageEvent.FromAccount"/>; else null.</summary>
    public string? FromAccount { get; init; }
}
