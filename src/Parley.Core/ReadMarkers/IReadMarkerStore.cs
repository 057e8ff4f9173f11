namespace Parley.Core.ReadMarkers;

/// <summary>
/// Port: each account's read markers (IRCv3 draft/read-marker), the time of the last message the
/// user read in each conversation (a nick or a room), kept across sessions and restarts.
/// </summary>
/// <remarks>
/// Thread-safe. Targets compare without case (nicks and room names are ASCII). A marker never
/// moves backwards: <see cref="SetAsync"/> keeps the later of the stored and the new time, in the
/// store itself, so two devices setting at once cannot lose the newer one.
/// </remarks>
public interface IReadMarkerStore
{
    /// <summary>The marker of <paramref name="accountId"/> in <paramref name="target"/>; null when none was set.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="target">A nick or a room name, any case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stored time (UTC, millisecond precision), or null.</returns>
    ValueTask<DateTimeOffset?> GetAsync(long accountId, string target, CancellationToken cancellationToken = default);

    /// <summary>Moves the marker forward to <paramref name="time"/>, or leaves it where it is when that is not later.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="target">A nick or a room name, any case.</param>
    /// <param name="time">The time of the last message read, UTC.</param>
    /// <returns>The marker after the call (the later of the two), once durable.</returns>
    Task<DateTimeOffset> SetAsync(long accountId, string target, DateTimeOffset time);
}
