using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

public sealed class SqliteReadMarkerStoreContractTests : ReadMarkerStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => SqliteContractStores.CreateAsync();
}
