namespace Parley.Core.Events;

/// <summary>A direct message from one nick to another.</summary>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="To">Recipient's nick as shown.</param>
/// <param name="Text">Message text.</param>
public sealed class DirectMessageEvent(string From, string To, string Text) : ChatEvent
{
    /// <summary>Sender's nick as shown.</summary>
    public string From { get; } = From;

    /// <summary>Recipient's nick as shown.</summary>
    public string To { get; } = To;

    /// <summary>Message text.</summary>
    public string Text { get; } = Text;
}
