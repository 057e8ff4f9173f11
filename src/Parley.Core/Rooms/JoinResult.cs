namespace Parley.Core.Rooms;

/// <summary>What <see cref="RoomHub.JoinAsync(Sessions.ChatSession, string, string?, int, CancellationToken)"/> did.</summary>
/// <param name="Error"><see cref="Presence.ChatError.None"/> when joined, else why not.</param>
/// <param name="Room">The room when joined.</param>
/// <param name="Created">True when the joiner created the room and owns it.</param>
/// <param name="History">The room's latest messages, oldest first (<see cref="RoomOptions.HistoryOnJoin"/>).</param>
public readonly record struct JoinResult(Presence.ChatError Error, Room? Room, bool Created, IReadOnlyList<RoomMessage> History)
{
    /// <summary>
    /// The members as the joiner joined them (itself the last to arrive), for its NAMES or MEMBERS:
    /// whoever joins later is announced to it instead. Null when not joined.
    /// </summary>
    public RoomRoster? Roster { get; init; }
}
