namespace Parley.Core.Events;

/// <summary>Turns chat events into one wire protocol's bytes. One instance per protocol.</summary>
/// <remarks>Implementations must be thread-safe and must return a new array per call.</remarks>
public interface IEventEncoder
{
    /// <summary>
    /// How many encodings one event can cache: 6. Taken: 0 the line protocol, 1 IRC without
    /// tags, 2 IRC with the <c>time</c> tag (server-time), 3 IRC with all message-tags (time,
    /// account, msgid, client tags); 4 is meant for the web client's JSON; 5 is spare (IRC's
    /// uncached tag sets name it but never fill it).
    /// </summary>
    const int MaxSlots = 6;

    /// <summary>This protocol's cache slot, 0 to <see cref="MaxSlots"/> - 1, unique per protocol.</summary>
    int Slot { get; }

    /// <summary>Encodes <paramref name="chatEvent"/> as this protocol's bytes.</summary>
    /// <param name="chatEvent">The event.</param>
    /// <returns>The encoded bytes, never written to afterwards.</returns>
    byte[] Encode(ChatEvent chatEvent);
}
