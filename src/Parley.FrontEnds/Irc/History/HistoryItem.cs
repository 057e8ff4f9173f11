using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.History;

/// <summary>One stored message as CHATHISTORY plays it back: its id and time, and its IRC lines (tagged).</summary>
/// <param name="Id">The stored id (<c>msgid</c>).</param>
/// <param name="Time">When it was sent, UTC.</param>
/// <param name="Lines">Its lines, with the connection's tags (a long message is several).</param>
internal sealed record HistoryItem(long Id, DateTimeOffset Time, IReadOnlyList<IrcMessage> Lines);
