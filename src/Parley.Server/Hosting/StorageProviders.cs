using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Storage;
using Parley.Storage.Postgres;
using Parley.Storage.Sqlite;

namespace Parley.Server.Hosting;

/// <summary>
/// The one place that maps a storage provider's name (<c>Parley:Storage:Provider</c>) to its
/// registration: the rest of the host sees only the ports of Parley.Core (the stores,
/// <see cref="IStoreHealth"/>, <see cref="IStoreBackup"/>). A new provider is one entry here and
/// a reference to its project (docs/architecture.md, "Storage providers and the store contract").
/// </summary>
internal static class StorageProviders
{
    /// <summary>The provider used when none is configured: the embedded SQLite file.</summary>
    public const string Default = "sqlite";

    private static readonly StorageProvider[] All =
    [
        new(
            Default,
            typeof(SqliteStoreOptions),
            (configuration, options) =>
            {
                // Its settings under Parley:Storage, its file in the one data directory.
                var sqlite = (configuration.GetSection(StorageOptions.SectionName).Get<SqliteStoreOptions>() ?? new SqliteStoreOptions())
                    with { DataDirectory = options.DataDirectory };
                sqlite.Validate();
                return services => services.AddSqliteStorage(sqlite);
            },
            (unavailable, options) => $"Parley:DataDirectory is '{options.DataDirectory}': {unavailable.Message} (it must be a writable directory; --data)"),
        new(
            "postgres",
            typeof(PostgresStorageSection),
            (configuration, _) =>
            {
                // Its settings under Parley:Storage:Postgres; no file in the data directory.
                var postgres = configuration.GetSection(PostgresStoreOptions.SectionName).Get<PostgresStoreOptions>() ?? new PostgresStoreOptions();
                postgres.Validate();
                return services => services.AddPostgresStorage(postgres);
            },
            (unavailable, _) => $"{PostgresStoreOptions.ConnectionStringKey}: {unavailable.Message} (is PostgreSQL running, and do the host, port, database, user and password match? docs/cluster.md)"),
    ];

    /// <summary>The providers' names, as <c>Parley:Storage:Provider</c> accepts them.</summary>
    public static IEnumerable<string> Names => All.Select(p => p.Name);

    /// <summary>The option records the providers bind from <c>Parley:Storage</c>, for <see cref="SettingPaths"/>.</summary>
    public static IEnumerable<Type> OptionTypes => All.Select(p => p.OptionsType);

    /// <summary>The provider named <paramref name="name"/> (any case).</summary>
    /// <exception cref="ArgumentException">No provider has that name.</exception>
    public static StorageProvider Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{StorageOptions.ProviderKey} (--storage) is '{name}': allowed are {string.Join(", ", Names)}");

    /// <summary>Reads and checks the configured provider's own settings.</summary>
    /// <returns>The registration of the configured provider.</returns>
    /// <exception cref="ArgumentException">The provider is unknown or one of its settings is invalid.</exception>
    public static Action<IServiceCollection> Read(IConfiguration configuration, ParleyOptions options) =>
        Find(options.Storage.Provider).Read(configuration, options);

    /// <summary>One line for a store that could not be opened, naming the setting to fix.</summary>
    public static string Describe(StoreUnavailableException exception, ParleyOptions options) =>
        Find(options.Storage.Provider).DescribeUnavailable(exception, options);
}
