using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

public sealed class SqliteDurabilityContractTests : DurabilityContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => SqliteContractStores.CreateAsync();
}
