namespace Parley.Core.Messages;

/// <summary>Which messages <see cref="IMessageStore.GetHistoryAsync"/> returns: the newest <see cref="Limit"/> matching ones.</summary>
/// <param name="AccountId">Whose direct messages; ignored for broadcasts.</param>
/// <param name="WithNick">The other party of the direct messages, any case; null for broadcasts.</param>
/// <param name="Limit">How many at most, 1 or more.</param>
/// <param name="BeforeId">Only messages with a smaller id (for paging back); null for the newest.</param>
public sealed record HistoryQuery(long AccountId, string? WithNick, int Limit, long? BeforeId);
