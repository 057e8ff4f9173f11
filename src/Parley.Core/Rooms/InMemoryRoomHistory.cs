using System.Collections.Concurrent;

namespace Parley.Core.Rooms;

/// <summary>
/// The default <see cref="IRoomHistory"/>: the last <see cref="Capacity"/> messages of each
/// room, in memory, forgotten when an unregistered room empties or the server stops.
/// </summary>
/// <remarks>Thread-safe: one small lock per room, taken by its senders and readers only.</remarks>
public sealed class InMemoryRoomHistory : IRoomHistory
{
    private readonly ConcurrentDictionary<string, List<RoomMessage>> _rooms = new(RoomNames.Comparer);

    /// <summary>Creates the history.</summary>
    /// <param name="capacity">Messages kept per room. Defaults to 1,000: ten pages of 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is less than 1.</exception>
    public InMemoryRoomHistory(int capacity = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>Messages kept per room; older ones are dropped.</summary>
    public int Capacity { get; }

    /// <inheritdoc />
    /// <remarks>Always 0: nothing survives the process.</remarks>
    public long LastId => 0;

    /// <inheritdoc />
    public Task Append(RoomMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messages = _rooms.GetOrAdd(message.Room, static _ => []);
        lock (messages)
        {
            // Almost always appends at the end; a concurrent sender may have overtaken by an id.
            var index = messages.Count;
            while (index > 0 && messages[index - 1].Id > message.Id)
                index--;
            messages.Insert(index, message);
            if (messages.Count > Capacity)
                messages.RemoveRange(0, messages.Count - Capacity);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        Read(room, count, beforeId, withEvents: false);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<RoomMessage>> ReadWithEventsAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        Read(room, count, beforeId, withEvents: true);

    /// <inheritdoc />
    /// <remarks>Kept among the messages, within <see cref="Capacity"/>.</remarks>
    public void AppendEvent(RoomMessage entry) => _ = Append(entry);

    private ValueTask<IReadOnlyList<RoomMessage>> Read(string room, int count, long? beforeId, bool withEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!_rooms.TryGetValue(room, out var messages))
            return ValueTask.FromResult<IReadOnlyList<RoomMessage>>([]);
        lock (messages)
        {
            var end = messages.Count;
            if (beforeId is { } before)
            {
                while (end > 0 && messages[end - 1].Id >= before)
                    end--;
            }

            var page = new List<RoomMessage>(Math.Min(count, end));
            for (var i = end - 1; i >= 0 && page.Count < count; i--)
            {
                if (withEvents || messages[i].Kind == RoomEntryKind.Message)
                    page.Add(messages[i]);
            }

            page.Reverse();
            return ValueTask.FromResult<IReadOnlyList<RoomMessage>>(page);
        }
    }

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetLatestTimeAsync(string room, DateTimeOffset after, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        if (!_rooms.TryGetValue(room, out var messages))
            return ValueTask.FromResult<DateTimeOffset?>(null);
        lock (messages)
        {
            for (var i = messages.Count - 1; i >= 0; i--)
            {
                var time = messages[i].Time;
                if (time > after && time < before && messages[i].Kind == RoomEntryKind.Message)
                    return ValueTask.FromResult<DateTimeOffset?>(time);
            }
        }

        return ValueTask.FromResult<DateTimeOffset?>(null);
    }

    /// <inheritdoc />
    public ValueTask<RoomMessage?> FindAsync(string room, long id, CancellationToken cancellationToken = default)
    {
        if (!_rooms.TryGetValue(room, out var messages))
            return ValueTask.FromResult<RoomMessage?>(null);
        lock (messages)
            return ValueTask.FromResult(messages.Find(m => m.Id == id && m.Kind == RoomEntryKind.Message));
    }

    /// <inheritdoc />
    public Task RemoveAsync(string room, long id)
    {
        if (_rooms.TryGetValue(room, out var messages))
        {
            lock (messages)
                messages.RemoveAll(m => m.Id == id);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void OnRoomClosed(string room) => _rooms.TryRemove(room, out _);
}
