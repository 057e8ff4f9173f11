using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Parley.Client;
using Parley.Protocols.Line;

namespace Parley.Cli;

/// <summary>Steps both chat modes share: connect, take a nick or log in, and what counts as leaving.</summary>
internal static class ChatSession
{
    /// <summary>How long to wait for <c>BYE</c> and the close after <c>/quit</c> before closing anyway.</summary>
    public static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects (over TLS when asked); on failure reports on <see cref="ChatIo.Error"/> and returns <see langword="null"/>.</summary>
    /// <param name="settings">Where to connect and how.</param>
    /// <param name="io">The streams.</param>
    /// <param name="interactive">Whether a person can be asked to trust a self-signed server on first contact.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public static async Task<ParleyConnection?> ConnectAsync(ChatSettings settings, ChatIo io, bool interactive, CancellationToken cancellationToken)
    {
        var server = $"{settings.Host}:{settings.Port}";
        ParleyTlsOptions? tls = null;
        if (settings.Tls)
        {
            tls = await TlsOptionsAsync(settings, io, interactive);
            if (tls is null)
            {
                return null;
            }
        }
        else if (settings.ClientCertificatePath is not null)
        {
            await io.Error.WriteLineAsync("parley: --client-cert needs TLS: add --tls (or use the TLS port).");
            return null;
        }

        var options = new ParleyClientOptions { Host = settings.Host, Port = settings.Port, Tls = tls };
        try
        {
            var connection = await ParleyConnection.ConnectAsync(options, cancellationToken);
            if (connection.Tls is { } info)
            {
                await io.Output.WriteLineAsync(DescribeTls(info, tls!.KnownHosts!.Path));
            }

            return connection;
        }
        catch (ServerCertificateRejectedException ex)
        {
            await io.Error.WriteLineAsync($"parley: refusing {server}: {ex.Message}");
            if (ex.Reason == CertificateRejection.UnknownServer)
            {
                await io.Error.WriteLineAsync(interactive
                    ? "parley: not trusted; nothing was remembered."
                    : $"parley: to trust it, run parley in a terminal to be asked, or add --trust-fingerprint {ex.Fingerprint}");
            }

            return null;
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            await io.Error.WriteLineAsync($"parley: cannot connect to {server}: {ex.Message}");
            if (!settings.Tls && ex is ParleyConnectionException or TimeoutException)
            {
                // A plain client on a TLS port: the server waits for a handshake, then hangs up.
                await io.Error.WriteLineAsync("parley: if that is a TLS port, add --tls.");
            }

            return null;
        }
    }

    private static async Task<ParleyTlsOptions?> TlsOptionsAsync(ChatSettings settings, ChatIo io, bool interactive)
    {
        X509Certificate2? certificate = null;
        if (settings.ClientCertificatePath is { } path)
        {
            try
            {
                certificate = ClientCertificateLoader.Load(path, settings.ClientKeyPath, Environment.GetEnvironmentVariable(ClientCertificatePasswordVariable));
            }
            catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
            {
                await io.Error.WriteLineAsync($"parley: cannot load the client certificate {path}: {ex.Message}");
                return null;
            }
        }

        var knownHosts = new KnownHosts(settings.KnownHostsPath ?? KnownHosts.DefaultPath());
        return new ParleyTlsOptions
        {
            KnownHosts = knownHosts,
            TrustedFingerprint = settings.TrustFingerprint,
            ClientCertificate = certificate,
            ConfirmFirstContact = interactive ? info => TrustPrompt.Confirm(io, info, knownHosts.Path) : null,
        };
    }

    /// <summary>Environment variable holding the password of a PKCS#12 <c>--client-cert</c>.</summary>
    public const string ClientCertificatePasswordVariable = "PARLEY_CLIENT_CERT_PASSWORD";

    private static string DescribeTls(TlsSessionInfo info, string knownHostsPath) => info.Trust switch
    {
        ServerTrust.CertificateAuthority => $"*** TLS ({info.Protocol}): certificate verified by a trusted authority",
        ServerTrust.KnownServer => $"*** TLS ({info.Protocol}): known server, certificate {info.ServerFingerprint}",
        _ => $"*** TLS ({info.Protocol}): trusted certificate {info.ServerFingerprint}, remembered in {knownHostsPath}",
    };

    /// <summary>
    /// Takes <paramref name="nick"/>: logs in with <paramref name="password"/> when there is one;
    /// else, with <paramref name="certificateLogin"/> (a client certificate was presented), tries
    /// certificate login (<c>/login [nick]</c>) and, when refused, shows why and goes on; else uses
    /// the nick as a guest; when the server says the nick is registered and
    /// <paramref name="askPassword"/> is given, asks for the password and logs in. Shows the reply
    /// (and the messages stored while away); returns <see langword="true"/> on <c>OK</c>, else
    /// reports on <see cref="ChatIo.Error"/>.
    /// </summary>
    public static async Task<bool> SignInAsync(
        ParleyConnection connection, string? nick, string? password, bool certificateLogin, Func<string, string?>? askPassword,
        ChatIo io, Action<ServerLine> show, CancellationToken cancellationToken)
    {
        CommandReply reply;
        try
        {
            if (password is null && certificateLogin)
            {
                reply = await connection.LoginWithCertificateAsync(nick, cancellationToken);
                if (reply.IsSuccess || nick is null)
                {
                    return await ShowSignInAsync(reply, io, show);
                }

                // Not registered (yet): say so, and go on as without a certificate.
                show(reply.Final);
            }

            if (nick is null)
            {
                await io.Error.WriteLineAsync("parley: a nick is required.");
                return false;
            }

            reply = password is null
                ? await connection.RegisterAsync(nick, cancellationToken)
                : await connection.LoginAsync(nick, password, cancellationToken);
            if (password is null && reply.ErrorCode == LineErrorCodes.NickRegistered && askPassword?.Invoke(nick) is { } asked)
            {
                reply = await connection.LoginAsync(nick, asked, cancellationToken);
            }
        }
        catch (ArgumentException)
        {
            await io.Error.WriteLineAsync($"parley: registration refused: '{nick}' is not a valid nick (1-32 letters, digits, _ or -) or the password holds spaces.");
            return false;
        }

        return await ShowSignInAsync(reply, io, show);
    }

    private static async Task<bool> ShowSignInAsync(CommandReply reply, ChatIo io, Action<ServerLine> show)
    {
        foreach (var line in reply.Data)
        {
            show(line);
        }

        // The server's hint names its own command (/login nick <password>); say what to do here.
        var final = reply.ErrorCode == LineErrorCodes.NickRegistered && reply.Final.Text.Split(' ')[0] is { Length: > 0 } registered
            ? reply.Final with { Text = $"{registered} is registered; log in with parley --name {registered} --password" }
            : reply.Final;
        show(final);
        if (reply.IsSuccess)
        {
            return true;
        }

        await io.Error.WriteLineAsync($"parley: registration refused: {final.Code} {final.Text}".TrimEnd());
        return false;
    }

    /// <summary>
    /// The server's greeting as the client shows it: when the client takes the nick itself
    /// (<paramref name="signsIn"/>: <c>--name</c>, a certificate), the server's "pick a nick with
    /// #nick" hint is for nc users and is left out (<c>Parley 0.1; /help lists commands</c>).
    /// </summary>
    public static string Greeting(string greeting, bool signsIn)
    {
        var hint = greeting.IndexOf(": pick a nick", StringComparison.Ordinal);
        if (!signsIn || hint < 0)
        {
            return greeting;
        }

        var help = greeting.IndexOf("; /help", hint, StringComparison.Ordinal);
        return greeting[..hint] + (help < 0 ? "" : greeting[help..]);
    }

    /// <summary>Whether a typed line means "leave": <c>exit</c> or <c>/quit [reason]</c> (any case).</summary>
    public static bool IsQuit(string line, out string command)
    {
        var trimmed = line.Trim();
        if (trimmed.Equals("exit", StringComparison.OrdinalIgnoreCase))
        {
            command = "/quit";
            return true;
        }

        if (trimmed.Equals("/quit", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("/quit ", StringComparison.OrdinalIgnoreCase))
        {
            command = trimmed;
            return true;
        }

        command = line;
        return false;
    }

    /// <summary>Sends a leaving command and waits briefly for <c>BYE</c>; the server closing first is fine.</summary>
    public static async Task<ServerLine?> QuitAsync(ParleyConnection connection, string command)
    {
        try
        {
            var reply = await connection.SendCommandAsync(command).WaitAsync(QuitTimeout);
            return reply.Final;
        }
        catch (Exception ex) when (ex is ParleyConnectionException or TimeoutException)
        {
            return null;
        }
    }
}
