using Microsoft.AspNetCore.Http;
using Parley.Core.Accounts;

namespace Parley.Server.Web;

/// <summary>
/// Who a WebSocket upgrade request has proved to be, before the socket is accepted: the account of
/// its web session (the <c>parley_session</c> cookie, docs/web.md "Sign-in sessions"), which the
/// connection's <see cref="Core.Sessions.ConnectionSecurity.WebSessionAccount"/> then carries for
/// SASL EXTERNAL, with the session's id and account id, by which revoking the session closes the
/// connection. The default registration (<see cref="NoWebSocketIdentity"/>) proves no one; the
/// web sessions replace it.
/// </summary>
/// <remarks>Implementations are singletons called concurrently: thread-safe.</remarks>
public interface IWebSocketIdentity
{
    /// <summary>The verified web session of <paramref name="context"/>'s request, or null for none.</summary>
    /// <param name="context">The upgrade request, not yet accepted; read it, do not write a response.</param>
    /// <returns>The session's account, account id and session id, or null (no cookie, or not valid).</returns>
    ValueTask<WebValidation?> ValidateAsync(HttpContext context);
}
