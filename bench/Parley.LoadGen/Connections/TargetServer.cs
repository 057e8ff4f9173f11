using System.Net;

namespace Parley.LoadGen.Connections;

/// <summary>Where and how to connect.</summary>
/// <param name="EndPoint">The server's address and port.</param>
/// <param name="HostName">Name for TLS (SNI and certificate check).</param>
/// <param name="UseTls">Connect with TLS.</param>
/// <param name="AcceptAnyCertificate">Skip the certificate check (a self-signed development certificate).</param>
internal sealed record TargetServer(IPEndPoint EndPoint, string HostName, bool UseTls, bool AcceptAnyCertificate)
{
    /// <summary>Every server (the nodes of a cluster), <see cref="EndPoint"/> first.</summary>
    public IReadOnlyList<IPEndPoint> EndPoints { get; init; } = [EndPoint];

    /// <summary>The server client <paramref name="id"/> connects to: round-robin over <see cref="EndPoints"/>.</summary>
    public IPEndPoint EndPointOf(int id) => EndPoints[(int)((uint)id % (uint)EndPoints.Count)];
}
