namespace Parley.Core.Messages;

/// <summary>A message to store, before the store assigns its id.</summary>
/// <param name="Kind">Direct or broadcast.</param>
/// <param name="SentUtc">When the server accepted it, UTC.</param>
/// <param name="From">Sender's nick as shown.</param>
/// <param name="FromAccountId">Sender's account, or null for a guest.</param>
/// <param name="To">Recipient's nick as shown; null for a broadcast.</param>
/// <param name="ToAccountId">Recipient's account, or null for a guest or a broadcast.</param>
/// <param name="Text">Message text.</param>
/// <param name="Delivered">False when it waits for an offline account to sign in.</param>
public sealed record NewMessage(
    MessageKind Kind, DateTimeOffset SentUtc, string From, long? FromAccountId, string? To, long? ToAccountId, string Text, bool Delivered);
