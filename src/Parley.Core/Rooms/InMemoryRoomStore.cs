using System.Collections.Concurrent;

namespace Parley.Core.Rooms;

/// <summary>
/// The default <see cref="IRoomStore"/>: keeps registered rooms in memory, so they survive a
/// server restart only within one process (tests restart a server on the same instance).
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryRoomStore : IRoomStore
{
    private readonly ConcurrentDictionary<string, RegisteredRoom> _rooms = new(RoomNames.Comparer);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RegisteredRoom>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<RegisteredRoom>>([.. _rooms.Values]);

    /// <inheritdoc />
    public ValueTask SaveAsync(RegisteredRoom room, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(room);
        _rooms[room.Name] = room;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        _rooms.TryRemove(name, out _);
        return ValueTask.CompletedTask;
    }
}
