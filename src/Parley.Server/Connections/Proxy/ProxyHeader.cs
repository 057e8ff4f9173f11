using System.Net;

namespace Parley.Server.Connections.Proxy;

/// <summary>A parsed PROXY protocol header: where the load balancer's client connected from, and to.</summary>
/// <param name="Source">
/// The client's address and port; null when the header carries none (v1 <c>UNKNOWN</c>, v2
/// <c>LOCAL</c> health checks, v2 <c>UNSPEC</c> or UNIX families): then the connection's own peer is used.
/// </param>
/// <param name="Destination">The address the client connected to on the load balancer, or null.</param>
/// <param name="Length">The header's length in bytes, consumed from the stream.</param>
internal readonly record struct ProxyHeader(IPEndPoint? Source, IPEndPoint? Destination, int Length);
