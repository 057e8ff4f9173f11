namespace Parley.Core.Events;

/// <summary>
/// Something the core tells sessions: a message or a presence change. Fan-out hands the same
/// instance to every recipient, and <see cref="GetBytes"/> encodes it at most once per protocol,
/// so a message to 1,000 members costs one encode per wire format, not 1,000.
/// </summary>
/// <remarks>Immutable but for the encode cache, which is safe to fill from several threads.</remarks>
public abstract class ChatEvent
{
    // Slots 0 and 1 (the line protocol, IRC without tags) inline; the rest only when an event
    // meets a tagged encoder: a direct message to one recipient fills one slot (issue 10, fix 14).
    private byte[]? _slot0;
    private byte[]? _slot1;
    private byte[]?[]? _moreSlots;

    /// <summary>
    /// When the core emitted the event (UTC, from the hub's <see cref="TimeProvider"/>), the same
    /// for every recipient; IRC's server-time shows it. <see langword="default"/> when an event is
    /// made outside the hub (tests).
    /// </summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>Returns this event's bytes for <paramref name="encoder"/>'s protocol, encoding on first use.</summary>
    /// <param name="encoder">The protocol's encoder; its <see cref="IEventEncoder.Slot"/> picks the cache entry.</param>
    /// <returns>Bytes shared with every other recipient on the same protocol: never write to them.</returns>
    public ReadOnlyMemory<byte> GetBytes(IEventEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ref var slot = ref SlotOf(encoder.Slot);
        // Two threads may race to encode; both results are equal and the first one wins.
        return slot ?? Interlocked.CompareExchange(ref slot, encoder.Encode(this), null) ?? slot;
    }

    private ref byte[]? SlotOf(int slot)
    {
        if (slot == 0)
            return ref _slot0;
        if (slot == 1)
            return ref _slot1;
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, IEventEncoder.MaxSlots);
        var more = Volatile.Read(ref _moreSlots)
            ?? Interlocked.CompareExchange(ref _moreSlots, new byte[IEventEncoder.MaxSlots - 2][], null)
            ?? _moreSlots!;
        return ref more[slot - 2];
    }
}
