using Parley.Core.Presence;

namespace Parley.FrontEnds.Irc.History;

/// <summary>
/// Reads one page of a conversation: the newest <c>count</c> messages older than <c>beforeId</c>
/// (null: the newest), oldest first, as the stores' history APIs return them.
/// </summary>
/// <param name="beforeId">Only messages with a smaller id; null for the newest.</param>
/// <param name="count">Most messages, at most <see cref="HistoryWalker.PageSize"/>.</param>
/// <returns>The error (nothing read) or the page.</returns>
internal delegate ValueTask<(ChatError Error, IReadOnlyList<HistoryItem> Items)> HistoryPageReader(long? beforeId, int count);
