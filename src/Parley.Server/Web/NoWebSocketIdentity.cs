using Microsoft.AspNetCore.Http;
using Parley.Core.Accounts;

namespace Parley.Server.Web;

/// <summary>The default <see cref="IWebSocketIdentity"/>: every WebSocket starts as a guest (no web session account).</summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class NoWebSocketIdentity : IWebSocketIdentity
{
    /// <inheritdoc />
    public ValueTask<WebValidation?> ValidateAsync(HttpContext context) => ValueTask.FromResult<WebValidation?>(null);
}
