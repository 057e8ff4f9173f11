using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Cluster.RabbitMq;
using Parley.Core.Routing;

namespace Parley.Server.Hosting;

/// <summary>
/// The one place that maps a cluster provider's name (<c>Parley:Cluster:Provider</c>) to the
/// routing port it registers: <c>none</c> (the default) is the in-process router of one node,
/// <c>rabbitmq</c> routes across nodes through a broker (docs/cluster.md, "RabbitMQ"). The only
/// server file naming the RabbitMQ types (ArchitectureTests).
/// </summary>
internal static class ClusterProviders
{
    /// <summary>The configuration key of the provider.</summary>
    public const string ProviderKey = "Parley:Cluster:Provider";

    /// <summary>One node, events routed in process.</summary>
    public const string None = "none";

    /// <summary>Nodes routing through RabbitMQ.</summary>
    public const string RabbitMq = "rabbitmq";

    /// <summary>Reads and checks the cluster settings.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="server">The server's options: a broker needs a store the nodes share (<see cref="StorageProviders.ReadClusterPorts"/>).</param>
    /// <returns>
    /// The registration of the routing port (and, for a broker, the service that connects it, and
    /// the shared nick space, ids and account gates of the store).
    /// </returns>
    /// <exception cref="ArgumentException">One line naming the setting and what is allowed.</exception>
    public static Action<IServiceCollection> Read(IConfiguration configuration, ParleyOptions server)
    {
        var provider = configuration[ProviderKey] ?? None;
        if (string.Equals(provider, None, StringComparison.OrdinalIgnoreCase))
            return services => services.AddSingleton<IEventRouter, InProcessEventRouter>();
        if (!string.Equals(provider, RabbitMq, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{ProviderKey} is '{provider}': allowed are {None}, {RabbitMq}");

        var options = ReadRabbitMq(configuration);
        options.Validate();
        // One nick space, unique ids and sign-in ordering across the nodes: on the shared store.
        var shared = StorageProviders.ReadClusterPorts(configuration, server, RabbitMq);
        return services =>
        {
            shared(services);
            services.AddSingleton(options);
            services.AddSingleton(provider => new RabbitMqEventRouter(options, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Parley.Cluster.RabbitMq")));
            services.AddSingleton<IEventRouter>(provider => provider.GetRequiredService<RabbitMqEventRouter>());
            services.AddHostedService<RabbitMqRouterService>();
        };
    }

    private static RabbitMqRouterOptions ReadRabbitMq(IConfiguration configuration)
    {
        var section = configuration.GetSection("Parley:Cluster:RabbitMq");
        var defaults = new RabbitMqRouterOptions();
        return new RabbitMqRouterOptions
        {
            Uri = section["Uri"],
            // The host's name by default: unique per machine, so one node per machine needs no setting.
            NodeName = configuration[RabbitMqRouterOptions.NodeNameKey] ?? Environment.MachineName,
            Exchange = section["Exchange"] ?? defaults.Exchange,
            MaxOutgoing = Number(section, "MaxOutgoing", defaults.MaxOutgoing),
            Prefetch = Number(section, "Prefetch", defaults.Prefetch),
            QueueExpiry = section["QueueExpiry"] is { } expiry
                ? TimeSpan.TryParse(expiry, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new ArgumentException($"Parley:Cluster:RabbitMq:QueueExpiry is '{expiry}': it must be a time span such as 00:01:00")
                : defaults.QueueExpiry,
        };
    }

    private static int Number(IConfigurationSection section, string key, int fallback) =>
        section[key] is not { } text ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"Parley:Cluster:RabbitMq:{key} is '{text}': it must be a whole number");
}
