namespace Parley.Core.Events;

/// <summary>
/// Hands out the cache slots of <see cref="ChatEvent.GetBytes"/>: each wire form (one per
/// protocol, or per protocol and tag set) reserves a slot by name at start-up, before any event
/// is encoded, and keeps the number it got for its <see cref="IEventEncoder.Slot"/>. The core
/// knows no protocol: the front-ends name their forms.
/// </summary>
/// <remarks>
/// <para>
/// Bounded: at most <see cref="Capacity"/> forms (<see cref="IEventEncoder.MaxSlots"/> for
/// <see cref="Shared"/>, the registry every event's cache is sized for). Slots are numbered in
/// the order of reservation, and an event stores the first two inline (the others in an array made
/// the first time a third form meets it), so reserve the forms most events meet first.
/// </para>
/// <para>
/// Reserving a name again returns its slot, so every instance of one encoder (and every front-end
/// built in one process, as tests do) shares one slot per form. Thread-safe: reservations take a
/// lock, which only start-up pays; the per-delivery lookup is the encoder's own field.
/// </para>
/// </remarks>
/// <param name="capacity">How many slots there are, 1 or more.</param>
public sealed class EventEncoderSlots(int capacity)
{
    private readonly Lock _lock = new();
    private readonly List<string> _names = [];

    /// <summary>The registry <see cref="ChatEvent"/>'s cache is sized for: <see cref="IEventEncoder.MaxSlots"/> slots.</summary>
    public static EventEncoderSlots Shared { get; } = new(IEventEncoder.MaxSlots);

    /// <summary>How many slots can be reserved.</summary>
    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "at least one slot");

    /// <summary>The names reserved so far, in slot order (a snapshot).</summary>
    public IReadOnlyList<string> Reserved
    {
        get
        {
            lock (_lock)
                return [.. _names];
        }
    }

    /// <summary>Reserves the slot of the wire form <paramref name="name"/>, or returns the one it has.</summary>
    /// <param name="name">The form's name, e.g. the protocol's and its tag set's (ordinal, case-sensitive).</param>
    /// <returns>The slot, 0 to <see cref="Capacity"/> - 1.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="InvalidOperationException">Every slot is reserved by another form already.</exception>
    public int Reserve(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_lock)
        {
            var slot = _names.IndexOf(name);
            if (slot >= 0)
                return slot;
            if (_names.Count == Capacity)
            {
                throw new InvalidOperationException(
                    $"no event cache slot left for '{name}': all {Capacity} are reserved ({string.Join(", ", _names)}); raise IEventEncoder.MaxSlots or share a form");
            }

            _names.Add(name);
            return _names.Count - 1;
        }
    }
}
