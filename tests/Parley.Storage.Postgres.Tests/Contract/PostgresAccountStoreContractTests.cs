using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

[Collection(UsesPostgres.Name)]
public sealed class PostgresAccountStoreContractTests(PostgresServer server) : AccountStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => PostgresContractStores.CreateAsync(server);
}
