namespace Parley.Core.Messages;

/// <summary>A message as stored and shown in history: server-assigned id and UTC time.</summary>
/// <param name="Id">Server-assigned id, increasing in the order messages were accepted.</param>
/// <param name="SentUtc">When the server accepted it, UTC.</param>
/// <param name="Kind">Direct or broadcast.</param>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="To">Recipient's nick as shown; null for a broadcast.</param>
/// <param name="Text">Message text, verbatim.</param>
public sealed record ChatMessage(long Id, DateTimeOffset SentUtc, MessageKind Kind, string From, string? To, string Text);
