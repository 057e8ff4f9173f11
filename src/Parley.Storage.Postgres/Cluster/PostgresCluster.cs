using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Cluster;
using Parley.Core.Messages;
using Parley.Core.Rooms;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>The registration of the cluster's shared ports on PostgreSQL: node lease, ids, nick space, account gates.</summary>
public static class PostgresCluster
{
    /// <summary>How long the start waits for the nick space's first load: 30 s.</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers, over the PostgreSQL store (<see cref="PostgresStorage.AddPostgresStorage"/>, which
    /// must be registered too): the <see cref="PostgresNodeLease"/> (taken when first resolved),
    /// <see cref="PostgresNickClaims"/> (its view loaded when first resolved),
    /// <see cref="PostgresAccountGates"/>, and <see cref="ClusterPorts"/> with the ids of the leased
    /// node number (<see cref="InProcessIdAllocator"/> of <see cref="InProcessIdAllocator.MaxNodes"/>);
    /// and the heartbeat loop as a hosted service. Needs <see cref="TimeProvider"/> and logging from
    /// the container, and the host's <c>ChatHub</c> (announcing dead nodes' users).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">The node's name and timings; validated here.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException">The options are invalid (the message names the key).</exception>
    /// <remarks>
    /// Resolving <see cref="ClusterPorts"/> throws <see cref="Core.Storage.StoreUnavailableException"/>
    /// when PostgreSQL fails or every node number is leased.
    /// </remarks>
    public static IServiceCollection AddPostgresCluster(this IServiceCollection services, NodeLeaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var lease = new PostgresNodeLease(
                provider.GetRequiredService<PostgresDatabase>(), options, provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Storage.Postgres.Cluster"));
            lease.Acquire();
            return lease;
        });
        services.AddSingleton(provider =>
        {
            var claims = new PostgresNickClaims(
                provider.GetRequiredService<PostgresDatabase>(), provider.GetRequiredService<PostgresNodeLease>().NodeName,
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Storage.Postgres.Cluster"));
            claims.Start(LoadTimeout);
            return claims;
        });
        services.AddSingleton(provider => new PostgresAccountGates(
            provider.GetRequiredService<PostgresDatabase>(), provider.GetRequiredService<PostgresNickClaims>(), provider.GetRequiredService<IMessageStore>()));
        services.AddSingleton(provider => new ClusterPorts
        {
            Ids = new InProcessIdAllocator(
                provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IRoomHistory>().LastId,
                provider.GetRequiredService<PostgresNodeLease>().Number, InProcessIdAllocator.MaxNodes),
            NickClaims = provider.GetRequiredService<PostgresNickClaims>(),
            AccountGates = provider.GetRequiredService<PostgresAccountGates>(),
        });
        services.AddHostedService<PostgresClusterService>();
        return services;
    }
}
