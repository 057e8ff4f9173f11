namespace Parley.Core.Messages;

/// <summary>
/// A conversation with messages in a time window (IRC's <c>CHATHISTORY TARGETS</c>): a nick the
/// account exchanged direct messages with, or a room.
/// </summary>
/// <param name="Name">The nick as last shown, or the room's name.</param>
/// <param name="Latest">The time of its newest message in the window, UTC.</param>
public sealed record HistoryTarget(string Name, DateTimeOffset Latest);
