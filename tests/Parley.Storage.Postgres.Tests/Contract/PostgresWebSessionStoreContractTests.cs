using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

[Collection(UsesPostgres.Name)]
public sealed class PostgresWebSessionStoreContractTests(PostgresServer server) : WebSessionStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => PostgresContractStores.CreateAsync(server);
}
