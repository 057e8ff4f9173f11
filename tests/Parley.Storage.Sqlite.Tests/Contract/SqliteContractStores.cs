using Parley.Storage.Contract;

namespace Parley.Storage.Sqlite.Tests.Contract;

/// <summary>The store contract's factory for SQLite: a new file in a fresh temp folder per test, through <see cref="SqliteStorage.AddSqliteStorage"/>.</summary>
internal static class SqliteContractStores
{
    public static Task<StoreInstance> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parley-contract-" + Guid.NewGuid().ToString("N"));
        var options = new SqliteStoreOptions { DataDirectory = directory };
        return Task.FromResult<StoreInstance>(new RegisteredStores(
            services => services.AddSqliteStorage(options),
            () =>
            {
                // Deleting fails if a handle were left open (on Windows); absent when no port was resolved.
                if (Directory.Exists(directory))
                    Directory.Delete(directory, recursive: true);
                return ValueTask.CompletedTask;
            }));
    }
}
