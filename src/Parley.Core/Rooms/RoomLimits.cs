namespace Parley.Core.Rooms;

/// <summary>Limits on rooms (configuration section <c>Parley:Limits</c>, beside the connection limits).</summary>
public sealed record RoomLimits
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley:Limits";

    /// <summary>
    /// Rooms one user may be in at once. Defaults to 50 (IRC networks allow 20-120). A join past
    /// it is refused with <c>TOO_MANY_ROOMS</c>.
    /// </summary>
    public int MaxRoomsPerUser { get; init; } = 50;

    /// <summary>
    /// Members one room may have. Defaults to 5,000: fan-out of one message to 5,000 members is a
    /// few hundred microseconds (docs/benchmarks.md). A join past it is refused with <c>ROOM_FULL</c>.
    /// </summary>
    public int MaxMembersPerRoom { get; init; } = 5000;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRoomsPerUser, 1, nameof(MaxRoomsPerUser));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMembersPerRoom, 1, nameof(MaxMembersPerRoom));
    }
}
