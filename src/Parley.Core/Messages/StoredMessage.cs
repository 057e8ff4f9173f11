namespace Parley.Core.Messages;

/// <summary>A stored message with the accounts it links, as <see cref="IMessageStore.FindAsync"/> reads it.</summary>
/// <param name="Message">The message.</param>
/// <param name="FromAccountId">The sender's account; null for a guest (or a dropped account).</param>
/// <param name="ToAccountId">The recipient's account; null for a guest or a broadcast.</param>
public sealed record StoredMessage(ChatMessage Message, long? FromAccountId, long? ToAccountId);
