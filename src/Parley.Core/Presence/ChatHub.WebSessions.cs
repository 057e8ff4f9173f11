using Parley.Core.Routing;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>The close reason of a connection whose web session was revoked: <c>ERROR :Closing Link: nick[host] (Session revoked)</c> on IRC.</summary>
    public const string WebSessionRevokedNotice = "Session revoked";

    /// <summary>
    /// Closes this node's connections that a web session proved
    /// (<see cref="Sessions.ConnectionSecurity.WebSessionId"/>), signed in or not, with
    /// <see cref="WebSessionRevokedNotice"/>: the session was revoked (sign-out).
    /// </summary>
    /// <param name="sessionId">The web session's id (its token's hash).</param>
    /// <returns>How many connections were closed.</returns>
    /// <remarks>
    /// Walks the sessions once (O(n)): a revocation is rare, and no session keeps an index it would
    /// pay for on every connect. Sessions on other nodes of a cluster are not reached.
    /// </remarks>
    public int CloseWebSession(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        return CloseWebSessions(security => string.Equals(security.WebSessionId, sessionId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Closes this node's connections proved by any web session of <paramref name="accountId"/>
    /// (<see cref="Sessions.ConnectionSecurity.WebSessionAccountId"/>), with
    /// <see cref="WebSessionRevokedNotice"/>: its password changed, which revokes them all.
    /// </summary>
    /// <param name="accountId">The account.</param>
    /// <returns>How many connections were closed.</returns>
    public int CloseWebSessionsOf(long accountId) =>
        CloseWebSessions(security => security.WebSessionAccountId == accountId);

    private int CloseWebSessions(Func<Sessions.ConnectionSecurity, bool> proved)
    {
        var closed = 0;
        foreach (var (_, session) in _sessions)
        {
            if (session.Security.WebSessionId is not null && proved(session.Security))
                closed += Router.Close(Audience.Of(session), WebSessionRevokedNotice);
        }

        return closed;
    }
}
