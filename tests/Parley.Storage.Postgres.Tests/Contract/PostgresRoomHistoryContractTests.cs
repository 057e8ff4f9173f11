using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

[Collection(UsesPostgres.Name)]
public sealed class PostgresRoomHistoryContractTests(PostgresServer server) : RoomHistoryContract
{
    protected override Task<StoreInstance> CreateStoreAsync() => PostgresContractStores.CreateAsync(server);
}
