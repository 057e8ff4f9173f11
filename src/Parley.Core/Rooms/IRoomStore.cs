namespace Parley.Core.Rooms;

/// <summary>
/// The port to where registered rooms persist (their settings, bans and topic). The default is
/// <see cref="InMemoryRoomStore"/>; the SQLite store implements it for restarts.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. <see cref="RoomHub"/> calls <see cref="LoadAllAsync"/>
/// once at start-up and <see cref="SaveAsync"/> on the changing user's read loop after every
/// change to a registered room (topic, modes, key, bans), so a slow store delays only that user.
/// </remarks>
public interface IRoomStore
{
    /// <summary>Every registered room, to restore at start-up.</summary>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The rooms.</returns>
    ValueTask<IReadOnlyList<RegisteredRoom>> LoadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the room's record (matched by name, case-insensitively).</summary>
    /// <param name="room">The room's current state.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    ValueTask SaveAsync(RegisteredRoom room, CancellationToken cancellationToken = default);

    /// <summary>Forgets a room that is no longer registered.</summary>
    /// <param name="name">The room's name, any case.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>A task that completes when the record is gone.</returns>
    ValueTask DeleteAsync(string name, CancellationToken cancellationToken = default);
}
