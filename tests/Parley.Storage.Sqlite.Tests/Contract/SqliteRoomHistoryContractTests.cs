using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

public sealed class SqliteRoomHistoryContractTests : RoomHistoryContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => SqliteContractStores.CreateAsync();
}
