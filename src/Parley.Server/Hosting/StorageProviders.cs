using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Storage;
using System.Globalization;
using Parley.Storage.Postgres;
using Parley.Storage.Postgres.Cluster;
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
            (unavailable, _) => $"{PostgresStoreOptions.ConnectionStringKey}: {unavailable.Message} (is PostgreSQL running, and do the host, port, database, user and password match? docs/cluster.md)",
            configuration =>
            {
                var lease = ReadNodeLease(configuration);
                return services => services.AddPostgresCluster(lease);
            }),
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

    /// <summary>
    /// The registration of the cluster's shared ports (node lease, ids, nick space, account gates)
    /// on the configured store, for a cluster provider.
    /// </summary>
    /// <param name="configuration">The configuration (<c>Parley:Cluster:NodeName</c>, <c>HeartbeatInterval</c>, <c>NodeTimeout</c>).</param>
    /// <param name="options">The server's options (the store's provider).</param>
    /// <param name="clusterProvider">The cluster provider asking, for the error.</param>
    /// <exception cref="ArgumentException">The store cannot be shared by nodes, or a node setting is invalid (one line naming it).</exception>
    public static Action<IServiceCollection> ReadClusterPorts(IConfiguration configuration, ParleyOptions options, string clusterProvider)
    {
        var provider = Find(options.Storage.Provider);
        if (provider.ReadCluster is not { } read)
            throw new ArgumentException($"Parley:Cluster:Provider is '{clusterProvider}': it needs {StorageOptions.ProviderKey}=postgres (the nodes share their nick space there), not '{options.Storage.Provider}'");
        return read(configuration);
    }

    private static NodeLeaseOptions ReadNodeLease(IConfiguration configuration)
    {
        var defaults = new NodeLeaseOptions();
        var lease = new NodeLeaseOptions
        {
            // The host's name by default, as the router's queue: one node per machine needs no setting.
            NodeName = configuration[NodeLeaseOptions.NodeNameKey] ?? Environment.MachineName,
            HeartbeatInterval = Duration(configuration, NodeLeaseOptions.HeartbeatIntervalKey, defaults.HeartbeatInterval),
            NodeTimeout = Duration(configuration, NodeLeaseOptions.NodeTimeoutKey, defaults.NodeTimeout),
            DatabaseOutageGrace = Duration(configuration, NodeLeaseOptions.DatabaseOutageGraceKey, defaults.DatabaseOutageGrace),
        };
        lease.Validate();
        return lease;
    }

    private static TimeSpan Duration(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration[key] is not { } text ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"{key} is '{text}': it must be a time span such as 00:00:05");

    /// <summary>One line for a store that could not be opened, naming the setting to fix.</summary>
    public static string Describe(StoreUnavailableException exception, ParleyOptions options) =>
        Find(options.Storage.Provider).DescribeUnavailable(exception, options);
}
