using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;
using Parley.Storage.Contract;

namespace Parley.Core.Tests.StoreContract;

/// <summary>The core's in-memory stores, for the parts of the store contract they implement (nothing is durable).</summary>
internal sealed class InMemoryStores : StoreInstance
{
    public override IRoomStore Rooms { get; } = new InMemoryRoomStore();

    public override IRoomHistory RoomHistory { get; } = new InMemoryRoomHistory();

    public override IReadMarkerStore ReadMarkers { get; } = new InMemoryReadMarkerStore();

    public static Task<StoreInstance> CreateAsync() => Task.FromResult<StoreInstance>(new InMemoryStores());

    public override Task<StoreInstance> ReopenAsync() => throw new NotSupportedException("in-memory stores keep nothing across instances");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
