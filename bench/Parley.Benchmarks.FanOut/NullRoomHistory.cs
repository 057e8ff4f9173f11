using Parley.Core.Rooms;

namespace Parley.Benchmarks.FanOut;

/// <summary>History that stores nothing, so the benchmark measures fan-out, not the store.</summary>
internal sealed class NullRoomHistory : IRoomHistory
{
    public long LastId => 0;

    public Task Append(RoomMessage message) => Task.CompletedTask;

    public ValueTask<IReadOnlyList<RoomMessage>> ReadAsync(string room, int count, long? beforeId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<RoomMessage>>([]);

    public void OnRoomClosed(string room)
    {
    }
}
