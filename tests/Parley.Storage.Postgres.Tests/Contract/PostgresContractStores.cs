using Parley.Storage.Contract;

namespace Parley.Storage.Postgres.Tests.Contract;

/// <summary>The store contract's factory for PostgreSQL: a new database per test, through <see cref="PostgresStorage.AddPostgresStorage"/>, dropped after it.</summary>
internal static class PostgresContractStores
{
    public static async Task<StoreInstance> CreateAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();
        var options = new PostgresStoreOptions { ConnectionString = server.ConnectionString(database) };
        return new RegisteredStores(services => services.AddPostgresStorage(options), () => new ValueTask(server.DropDatabaseAsync(database)));
    }
}
