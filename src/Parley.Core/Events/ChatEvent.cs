namespace Parley.Core.Events;

/// <summary>
/// Something the core tells sessions: a message or a presence change. Fan-out hands the same
/// instance to every recipient, and <see cref="GetBytes"/> encodes it at most once per protocol,
/// so a message to 1,000 members costs one encode per wire format, not 1,000.
/// </summary>
/// <remarks>
/// <para>
/// An event is data: names, nicks, ids, times and records of them, never a live object (a
/// session, a room), so it can cross a process (a backplane between nodes) and a session is named
/// by its id (<see cref="RoomEvent.ActorSessionId"/>). <c>ChatEventShapeTests</c> checks every kind.
/// </para>
/// <para>
/// The encode cache is transient, not part of the event's data: private fields, marked
/// <see cref="NonSerializedAttribute"/>, that no serializer writes; an event that crossed a
/// process arrives with an empty cache and is encoded once there per form. Immutable but for that
/// cache, which is safe to fill from several threads.
/// </para>
/// </remarks>
public abstract class ChatEvent
{
    // The first two slots reserved (EventEncoderSlots: the forms most events meet) inline; the
    // rest only when an event meets a third form: a direct message to one recipient fills one
    // slot (issue 10, fix 13).
    [NonSerialized]
    private byte[]? _slot0;
    [NonSerialized]
    private byte[]? _slot1;
    [NonSerialized]
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
