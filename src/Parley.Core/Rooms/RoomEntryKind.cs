namespace Parley.Core.Rooms;

/// <summary>
/// What a room history entry is: a message, or an event kept for IRC's draft/event-playback.
/// Persisted (<c>room_messages.kind</c>): never renumber.
/// </summary>
public enum RoomEntryKind
{
    /// <summary>A message (or notice) said in the room: what every history read returns.</summary>
    Message = 0,

    /// <summary>A nick joined; <see cref="RoomMessage.From"/> is who.</summary>
    Join = 1,

    /// <summary>A nick parted; the text is the reason (empty for none).</summary>
    Part = 2,

    /// <summary>A nick quit or dropped from the server while in the room; the text is the reason.</summary>
    Quit = 3,

    /// <summary>A nick was kicked: <see cref="RoomMessage.From"/> the kicker, <see cref="RoomMessage.Target"/> the kicked, the text the reason.</summary>
    Kick = 4,

    /// <summary>The topic changed; the text is the new topic (empty when cleared).</summary>
    Topic = 5,
}
