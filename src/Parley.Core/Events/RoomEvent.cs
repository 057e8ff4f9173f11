namespace Parley.Core.Events;

/// <summary>Something that happened in one room, told to its members.</summary>
/// <param name="Room">The room's name as created.</param>
public abstract class RoomEvent(string Room) : ChatEvent
{
    /// <summary>The room's name as created.</summary>
    public string Room { get; } = Room;

    /// <summary>
    /// The user name and host of the user who acted (joined, left, spoke, kicked, set the topic or
    /// a mode, invited), for protocols that show full addresses (IRC's <c>nick!user@host</c>);
    /// null when unknown.
    /// </summary>
    public UserAddress? ActorAddress { get; init; }

    /// <summary>
    /// The id (<see cref="Sessions.ChatSession.Id"/>) of the session that caused a change made by
    /// command (topic, modes, roles, bans, kick, registration), or 0 (no session has id 0). The line
    /// protocol tells that session with its <c>OK</c> instead of the notice (docs/protocol.md, "Room
    /// notices"), by comparing the id with its own session's; IRC shows it the change, as IRC
    /// servers echo it. An id, not the session: the event may cross a process, and ids are unique
    /// across nodes. A <see langword="long"/>, not a nullable one, so that every room event (each room
    /// message too) is no larger than when it held the session's reference.
    /// </summary>
    public long ActorSessionId { get; init; }
}
