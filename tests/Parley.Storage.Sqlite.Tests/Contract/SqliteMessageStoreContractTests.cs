using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

public sealed class SqliteMessageStoreContractTests : MessageStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => SqliteContractStores.CreateAsync();
}
