namespace Parley.Core.Messages;

/// <summary>What <see cref="IMessageStore.Append"/> returns at once: the message with its id, and when it is durable.</summary>
/// <param name="Message">The message with its server-assigned id.</param>
/// <param name="Committed">Completes when the batch holding the message is committed; faults if that failed.</param>
public readonly record struct MessageReceipt(ChatMessage Message, Task Committed);
