using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

[Collection(UsesPostgres.Name)]
public sealed class PostgresRoomStoreContractTests(PostgresServer server) : RoomStoreContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => PostgresContractStores.CreateAsync(server);
}
