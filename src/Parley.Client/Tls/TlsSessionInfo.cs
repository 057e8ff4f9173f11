using System.Security.Authentication;

namespace Parley.Client;

/// <summary>How a TLS connection was set up.</summary>
/// <param name="Protocol">The negotiated TLS version (1.2 or 1.3).</param>
/// <param name="ServerFingerprint">The fingerprint of the server's certificate.</param>
/// <param name="Trust">Why the certificate was trusted.</param>
public sealed record TlsSessionInfo(SslProtocols Protocol, string ServerFingerprint, ServerTrust Trust);
