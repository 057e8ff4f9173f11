namespace Parley.Core.Events;

/// <summary>
/// An account's read marker moved (IRCv3 draft/read-marker): told to the account's other
/// sessions, never to anyone else. Protocols without the notion show nothing.
/// </summary>
/// <param name="Target">The conversation: a nick or a room, as the setter spelled it.</param>
/// <param name="ReadTime">The marker now: the time of the last message read, UTC.</param>
public sealed class ReadMarkerEvent(string Target, DateTimeOffset ReadTime) : ChatEvent
{
    /// <summary>The conversation: a nick or a room.</summary>
    public string Target { get; } = Target;

    /// <summary>The time of the last message read, UTC.</summary>
    public DateTimeOffset ReadTime { get; } = ReadTime;
}
