using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

public sealed class SqliteAccountStoreContractTests : AccountStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => SqliteContractStores.CreateAsync();
}
