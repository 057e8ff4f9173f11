namespace Parley.Core.Events;

/// <summary>Turns chat events into one wire protocol's bytes. One instance per protocol.</summary>
/// <remarks>Implementations must be thread-safe and must return a new array per call.</remarks>
public interface IEventEncoder
{
    /// <summary>
    /// How many encodings one event can cache: 6, the capacity of
    /// <see cref="EventEncoderSlots.Shared"/>, which hands the slots out by name at start-up.
    /// </summary>
    const int MaxSlots = 6;

    /// <summary>
    /// This form's cache slot, reserved at start-up with <see cref="EventEncoderSlots.Reserve"/>
    /// on <see cref="EventEncoderSlots.Shared"/> (0 to <see cref="MaxSlots"/> - 1, one per form).
    /// Read once per delivery: return a field, not a lookup.
    /// </summary>
    int Slot { get; }

    /// <summary>Encodes <paramref name="chatEvent"/> as this protocol's bytes.</summary>
    /// <param name="chatEvent">The event.</param>
    /// <returns>The encoded bytes, never written to afterwards.</returns>
    byte[] Encode(ChatEvent chatEvent);
}
