using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Storage;

namespace Parley.Server.Hosting;

/// <summary>One entry of <see cref="StorageProviders"/>.</summary>
/// <param name="Name">The value of <c>Parley:Storage:Provider</c> that picks it (lower case; compared without case).</param>
/// <param name="OptionsType">The record it binds from <c>Parley:Storage</c>, so that errors name full keys.</param>
/// <param name="Read">Reads and validates its settings (throwing <see cref="ArgumentException"/>), and returns its registration.</param>
/// <param name="DescribeUnavailable">The start-up line for a <see cref="StoreUnavailableException"/>, naming the setting to fix.</param>
/// <param name="ReadCluster">
/// For a store several nodes can share: reads and validates the node settings (<c>Parley:Cluster</c>)
/// and returns the registration of the shared <see cref="Core.Cluster.ClusterPorts"/>; null for a
/// store of one process (SQLite).
/// </param>
internal sealed record StorageProvider(
    string Name,
    Type OptionsType,
    Func<IConfiguration, ParleyOptions, Action<IServiceCollection>> Read,
    Func<StoreUnavailableException, ParleyOptions, string> DescribeUnavailable,
    Func<IConfiguration, Action<IServiceCollection>>? ReadCluster = null);
