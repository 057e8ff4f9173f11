using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>AUTHENTICATE</c>: SASL (IRCv3 sasl-3.1/3.2), before registration completes or after it
/// (sasl-3.2 "SASL Reauthentication": a guest logs in and keeps its nick). <c>PLAIN</c>
/// (a password: only where <see cref="Core.Security.LoginTransportPolicy"/> lets one through) and
/// <c>EXTERNAL</c> (the TLS client certificate registered with <c>/cert add</c>, or a WebSocket's web
/// session cookie, docs/web.md "Sign-in sessions"). The payload comes
/// in base64 chunks of at most 400 bytes; a chunk of exactly 400 means more follow, <c>+</c> is an
/// empty chunk. Replies: 900 and 903 on success, 904 failed (also for a whole payload over 1,200 bytes), 905 a chunk over 400 bytes, 906 aborted
/// (<c>AUTHENTICATE *</c>), 907 already logged in (changing accounts is not supported, as sasl-3.2 allows), 908 with the mechanisms for an unknown one.
/// </summary>
internal sealed class AuthenticateCommand : IIrcCommand
{
    public string Name => "AUTHENTICATE";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var argument = message.Parameters[0];
        if (connection.IsSaslAuthenticated)
        {
            connection.Sasl = null;
            connection.Numeric(IrcNumerics.ERR_SASLALREADY, "You have already authenticated using SASL");
            return ValueTask.CompletedTask;
        }

        if (argument == "*")
        {
            connection.Sasl = null;
            connection.Numeric(IrcNumerics.ERR_SASLABORTED, "SASL authentication aborted");
            return ValueTask.CompletedTask;
        }

        return connection.Sasl is { } exchange ? Continue(connection, exchange, argument) : Start(connection, argument);
    }

    private static ValueTask Start(IrcConnection connection, string mechanism)
    {
        mechanism = mechanism.ToUpperInvariant();
        if (mechanism is not ("PLAIN" or "EXTERNAL"))
        {
            connection.Numeric(IrcNumerics.RPL_SASLMECHS, IrcCapabilityNames.SaslMechanisms, "are available SASL mechanisms");
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return ValueTask.CompletedTask;
        }

        if (mechanism == "PLAIN" && !connection.FrontEnd.LoginPolicy.PasswordAllowed(connection.Session.Security))
        {
            // Refused before the password is sent, as PASS is (docs/tls.md).
            connection.FromServer("NOTICE", "*", $"Passwords are refused on a plain connection: connect with TLS ({connection.FrontEnd.TlsPortHint}), or use SASL EXTERNAL with a client certificate");
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return ValueTask.CompletedTask;
        }

        if (mechanism == "EXTERNAL" && connection.Session.Security is { ClientCertificateSha256: null, WebSessionAccount: null })
        {
            connection.FromServer("NOTICE", "*", "SASL EXTERNAL needs a TLS client certificate registered with /cert add");
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return ValueTask.CompletedTask;
        }

        connection.Sasl = new IrcSaslExchange(mechanism);
        connection.Reply(new IrcMessage(null, "AUTHENTICATE", "+"));
        return ValueTask.CompletedTask;
    }

    private static ValueTask Continue(IrcConnection connection, IrcSaslExchange exchange, string chunk)
    {
        // IRCv3 sasl-3.1: a chunk over 400 bytes is 905; a whole payload past what any login could
        // need is a failed authentication (904), as Ergo answers it.
        if (chunk.Length > IrcSaslExchange.ChunkBytes)
        {
            connection.Sasl = null;
            connection.Numeric(IrcNumerics.ERR_SASLTOOLONG, "SASL message too long");
            return ValueTask.CompletedTask;
        }

        if (exchange.Length + chunk.Length > IrcSaslExchange.MaxPayloadBytes)
        {
            connection.Sasl = null;
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed: payload too long");
            return ValueTask.CompletedTask;
        }

        if (chunk != "+")
            exchange.Append(chunk);
        if (chunk.Length == IrcSaslExchange.ChunkBytes)
            return ValueTask.CompletedTask; // More follow.

        connection.Sasl = null;
        if (!exchange.TryDecode(out var payload))
        {
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return ValueTask.CompletedTask;
        }

        return exchange.Mechanism == "PLAIN" ? Plain(connection, payload) : connection.SaslExternalAsync(AuthorizationId(payload));
    }

    // authzid NUL authcid NUL password (RFC 4616). Parley has no "log in as someone else": an
    // authzid, when given, must name the same account.
    private static ValueTask Plain(IrcConnection connection, byte[] payload)
    {
        string[] parts;
        try
        {
            parts = IrcText.StrictUtf8.GetString(payload).Split('\0');
        }
        catch (System.Text.DecoderFallbackException)
        {
            parts = [];
        }

        if (parts.Length != 3 || parts[1].Length == 0
            || (parts[0].Length > 0 && !Core.Presence.NickRules.Comparer.Equals(parts[0], parts[1])))
        {
            connection.Numeric(IrcNumerics.ERR_SASLFAIL, "SASL authentication failed");
            return ValueTask.CompletedTask;
        }

        return connection.SaslPlainAsync(parts[1], parts[2]);
    }

    // EXTERNAL's payload is the authzid, empty (any account that registered the certificate) or a nick.
    private static string? AuthorizationId(byte[] payload) =>
        payload.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(payload);
}
