namespace Parley.Core.Events;

/// <summary>
/// Several users arrived, or left, within one coalescing window (<see cref="Presence.PresenceCoalescer"/>):
/// one line for all of them instead of one each. Only sessions that see everyone's presence (the
/// line protocol) get it.
/// </summary>
/// <param name="Joined">True for arrivals, false for departures (quits, drops and logouts alike).</param>
/// <param name="Count">How many users, at least 2.</param>
/// <param name="Nicks">The first of them (at most <see cref="MaxNames"/>), in the order they came or went.</param>
public sealed class PresenceSummaryEvent(bool Joined, int Count, IReadOnlyList<string> Nicks) : ChatEvent
{
    /// <summary>Most nicks named; the rest are counted ("and 302 more"), so the line stays short.</summary>
    public const int MaxNames = 10;

    /// <summary>True for arrivals, false for departures.</summary>
    public bool Joined { get; } = Joined;

    /// <summary>How many users.</summary>
    public int Count { get; } = Count;

    /// <summary>The first nicks, at most <see cref="MaxNames"/>.</summary>
    public IReadOnlyList<string> Nicks { get; } = Nicks;
}
