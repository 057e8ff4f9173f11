using Parley.Storage.Contract;

namespace Parley.Core.Tests.StoreContract;

public sealed class InMemoryRoomStoreContractTests : RoomStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => InMemoryStores.CreateAsync();
}
