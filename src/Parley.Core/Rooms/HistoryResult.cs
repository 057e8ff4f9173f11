namespace Parley.Core.Rooms;

/// <summary>What <see cref="RoomHub.ReadHistoryAsync(Sessions.ChatSession, string, int, long?, bool, CancellationToken)"/> found.</summary>
/// <param name="Error"><see cref="Presence.ChatError.None"/> when read, else why not.</param>
/// <param name="Messages">The messages, oldest first.</param>
public readonly record struct HistoryResult(Presence.ChatError Error, IReadOnlyList<RoomMessage> Messages);
