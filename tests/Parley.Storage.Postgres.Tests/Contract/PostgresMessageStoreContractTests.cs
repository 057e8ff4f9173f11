using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

[Collection(UsesPostgres.Name)]
public sealed class PostgresMessageStoreContractTests(PostgresServer server) : MessageStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => PostgresContractStores.CreateAsync(server);
}
