using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Parley.Server.Hosting;

/// <summary>The listeners configured on Kestrel, by protocol, to learn their bound ports once started.</summary>
/// <remarks>Filled while Kestrel is configured, read after start; not for concurrent writes.</remarks>
public sealed class ListenerRegistry
{
    private readonly Dictionary<string, ListenOptions> _listeners = new(StringComparer.Ordinal);

    internal void Add(string protocol, ListenOptions listenOptions) => _listeners[protocol] = listenOptions;

    /// <summary>The bound endpoint of <paramref name="protocol"/>'s listener (Kestrel fills in the port chosen for 0).</summary>
    /// <param name="protocol">Protocol name, e.g. <c>line</c>.</param>
    /// <returns>The endpoint, or null when that listener is not configured.</returns>
    public IPEndPoint? EndpointOf(string protocol) =>
        _listeners.TryGetValue(protocol, out var listen) ? listen.IPEndPoint : null;

    /// <summary>All configured listeners, for the start-up log.</summary>
    public IEnumerable<(string Protocol, IPEndPoint? Endpoint)> All =>
        _listeners.Select(kv => (kv.Key, kv.Value.IPEndPoint));
}
