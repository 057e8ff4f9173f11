using Parley.Storage.Contract;

namespace Parley.Core.Tests.StoreContract;

public sealed class InMemoryRoomHistoryContractTests : RoomHistoryContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => InMemoryStores.CreateAsync();
}
