using Microsoft.AspNetCore.Http;
using Parley.Core.Accounts;

namespace Parley.Server.Web;

/// <summary>
/// The WebSocket identity of a web session: the upgrade request's <c>parley_session</c> cookie,
/// validated (and its use recorded) by <see cref="WebSessionService"/>; the account it proves is
/// what SASL EXTERNAL then signs the connection in to.
/// </summary>
/// <remarks>Thread-safe; a singleton.</remarks>
internal sealed class WebSessionIdentity(WebSessionService sessions) : IWebSocketIdentity
{
    /// <inheritdoc />
    public ValueTask<WebValidation?> ValidateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return sessions.ValidateAsync(WebSessionCookie.Read(context.Request), context.RequestAborted);
    }
}
