namespace Parley.Core.Rooms;

/// <summary>Room behaviour (configuration section <c>Parley:Rooms</c>).</summary>
public sealed record RoomOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley:Rooms";

    /// <summary>
    /// Messages shown on <c>/join</c>, newest last. Defaults to 20; 0 shows none.
    /// </summary>
    public int HistoryOnJoin { get; init; } = 20;

    /// <summary>
    /// Most messages one <c>/history</c> returns. Defaults to 100: enough to page quickly,
    /// small enough that a page stays far below the outbound queue limit.
    /// </summary>
    public int MaxHistoryPage { get; init; } = 100;

    /// <summary>Most bans one room holds. Defaults to 100 (IRC servers allow 60-100).</summary>
    public int MaxBansPerRoom { get; init; } = 100;

    /// <summary>
    /// Most pending invites one room holds; the oldest is dropped for a new one. Defaults to 100.
    /// </summary>
    public int MaxInvitesPerRoom { get; init; } = 100;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HistoryOnJoin, nameof(HistoryOnJoin));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHistoryPage, 1, nameof(MaxHistoryPage));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBansPerRoom, 1, nameof(MaxBansPerRoom));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInvitesPerRoom, 1, nameof(MaxInvitesPerRoom));
    }
}
