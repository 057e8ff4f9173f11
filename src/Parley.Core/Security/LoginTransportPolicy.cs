using Parley.Core.Sessions;

namespace Parley.Core.Security;

/// <summary>
/// Decides whether a connection is safe enough to carry a password: by default only TLS
/// connections, or plain ones from a trusted network (loopback, or a configured list), so a
/// password never crosses a network in clear text.
/// </summary>
/// <remarks>Immutable and thread-safe; one instance per server.</remarks>
public sealed class LoginTransportPolicy
{
    /// <summary>
    /// The text of the error a refused password login gets; the line front-end sends it as
    /// <c>ERR TLS_REQUIRED</c> followed by this text.
    /// </summary>
    public const string RefusalText = "passwords are refused on a plain connection: connect with TLS (parley --tls, port 55556)";

    /// <summary>Creates the policy.</summary>
    /// <param name="requireTlsForLogin">
    /// <c>Parley:Tls:RequireForLogin</c>: when <see langword="true"/> (the default), a password is
    /// accepted only over TLS or from a trusted network; when <see langword="false"/>, over any
    /// connection.
    /// </param>
    public LoginTransportPolicy(bool requireTlsForLogin) => RequireTlsForLogin = requireTlsForLogin;

    /// <summary>Whether passwords need TLS outside trusted networks.</summary>
    public bool RequireTlsForLogin { get; }

    /// <summary>Whether a password may be sent over a connection with <paramref name="security"/>.</summary>
    /// <param name="security">The connection's security context.</param>
    /// <returns>
    /// <see langword="true"/> when TLS is not required, the connection is TLS, or it comes from a
    /// trusted network.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="security"/> is null.</exception>
    public bool PasswordAllowed(ConnectionSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        return !RequireTlsForLogin || security.IsTls || security.IsTrustedNetwork;
    }
}
