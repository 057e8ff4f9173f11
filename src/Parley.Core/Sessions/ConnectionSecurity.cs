namespace Parley.Core.Sessions;

/// <summary>
/// What the transport knows about one connection's security, fixed when it is accepted: whether it
/// is encrypted, with what, which client certificate the peer presented, and whether it comes from
/// a network the operator trusts. The core decides with it what a session may do (see
/// <see cref="Security.LoginTransportPolicy"/>); it never changes during a session.
/// </summary>
/// <remarks>Immutable, so safe to read from any thread.</remarks>
public sealed record ConnectionSecurity
{
    /// <summary>
    /// A plain connection from a network that is not trusted: the safest assumption, used when the
    /// transport tells nothing (in-memory tests, front-ends that do not fill it in).
    /// </summary>
    public static ConnectionSecurity Unknown { get; } = new();

    /// <summary><see langword="true"/> when the connection is encrypted with TLS.</summary>
    public bool IsTls { get; init; }

    /// <summary>
    /// The negotiated TLS version as the server names it (<c>Tls12</c>, <c>Tls13</c>), or
    /// <see langword="null"/> on a plain connection.
    /// </summary>
    public string? TlsProtocol { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint of the certificate the client presented during the TLS handshake, or
    /// <see langword="null"/> when it presented none (or the connection is plain).
    /// </summary>
    /// <remarks>
    /// Format: <c>SHA256:</c> followed by the 64 upper-case hexadecimal digits of the SHA-256 hash
    /// of the certificate's DER encoding, without separators
    /// (<c>SHA256:3F2A…</c>), the same form the server logs for its own certificate and the client
    /// keeps in <c>known_hosts</c>. Compare ordinally. The certificate is not checked against any
    /// authority: only an account that registered exactly this fingerprint may log in with it.
    /// </remarks>
    public string? ClientCertificateSha256 { get; init; }

    /// <summary>
    /// <see langword="true"/> when the peer's address is loopback (unless the operator turned that
    /// off) or inside one of the configured trusted networks (<c>Parley:Tls:TrustedNetworks</c>).
    /// </summary>
    public bool IsTrustedNetwork { get; init; }

    /// <summary>
    /// The account a web session proved, for a WebSocket whose upgrade carried a valid
    /// <c>parley_session</c> cookie (docs/web.md), or <see langword="null"/> (no cookie, an invalid
    /// one, or not a WebSocket). SASL EXTERNAL signs such a connection in to this account, as a
    /// registered client certificate does.
    /// </summary>
    public string? WebSessionAccount { get; init; }

    /// <summary>
    /// The web session behind <see cref="WebSessionAccount"/>: its id (the token's SHA-256, as the
    /// store keys it; never the token), or <see langword="null"/>. Revoking the session (sign-out)
    /// closes the connection (<see cref="Presence.ChatHub.CloseWebSession"/>).
    /// </summary>
    public string? WebSessionId { get; init; }

    /// <summary>
    /// The account id of <see cref="WebSessionAccount"/>, or <see langword="null"/>: a password
    /// change revokes every web session of the account and closes their connections
    /// (<see cref="Presence.ChatHub.CloseWebSessionsOf"/>).
    /// </summary>
    public long? WebSessionAccountId { get; init; }
}
