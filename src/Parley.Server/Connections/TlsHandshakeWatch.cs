namespace Parley.Server.Connections;

/// <summary>
/// A connection feature that tells <see cref="ConnectionLimitMiddleware"/> whether the TLS
/// handshake behind it completed: set by a marker placed after Kestrel's TLS middleware, which
/// calls on only after a successful handshake. Not set means it failed, timed out or was abandoned.
/// </summary>
internal sealed class TlsHandshakeWatch
{
    public bool Completed { get; set; }
}
