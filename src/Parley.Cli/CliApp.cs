using System.CommandLine;
using Parley.Client;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command line: arguments, then an interactive or a piped chat.</summary>
internal static class CliApp
{
    /// <summary>Runs <c>parley</c> with the given arguments and console streams.</summary>
    /// <param name="args">The command-line arguments (<c>host[:port]</c>, <c>--name</c>, <c>--host</c>, <c>--port</c>, <c>--tls</c>, <c>--password</c>, <c>--help</c>...).</param>
    /// <param name="input">Where typed or piped lines come from. Interactive mode reads keys from the console instead, and this only for the nick prompt.</param>
    /// <param name="output">Where server lines are shown.</param>
    /// <param name="error">Where failures are reported.</param>
    /// <param name="interactive">Whether a person is at a terminal: live redraw and colours; otherwise piped mode.</param>
    /// <param name="cancellationToken">Stops the chat (Ctrl+C).</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default) =>
        RunAsync(args, input, output, error, interactive, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs <c>parley</c> with the given arguments, console streams and environment.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="input">Where typed or piped lines come from.</param>
    /// <param name="output">Where server lines are shown.</param>
    /// <param name="error">Where failures are reported.</param>
    /// <param name="interactive">Whether a person is at a terminal.</param>
    /// <param name="environment">Reads an environment variable (<c>PARLEY_PASSWORD</c>).</param>
    /// <param name="cancellationToken">Stops the chat (Ctrl+C).</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive,
        Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var server = new Argument<string?>("server")
        {
            Description = "The server as host or host:port ([::1]:55556 for IPv6); overrides --host and --port. Port 55556 means TLS.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var name = new Option<string?>("--name", "-n")
        {
            Description = "Your nick: 1-32 letters, digits, _ or -. Asked for when missing and interactive.",
        };
        var host = new Option<string>("--host")
        {
            Description = "Server host name or address.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int?>("--port", "-p")
        {
            Description = "Server TCP port. Default 55555, or 55556 with --tls; 55556 implies --tls.",
        };
        port.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int?>();
            if (value is < 1 or > 65535)
            {
                result.AddError($"--port must be 1-65535, not {value}.");
            }
        });
        var tls = new Option<bool>("--tls")
        {
            Description = "Connect over TLS. Checks the certificate as usual; a self-signed one is trusted on first use (asked in a terminal) and remembered in known_hosts.",
        };
        var trustFingerprint = new Option<string?>("--trust-fingerprint")
        {
            Description = "On first contact, trust the server certificate with this fingerprint (SHA256:..., as the server logs it) without asking.",
        };
        trustFingerprint.Validators.Add(result =>
        {
            if (!CertificateFingerprint.TryNormalize(result.GetValueOrDefault<string?>(), out _))
            {
                result.AddError("--trust-fingerprint must be SHA256: and 64 hex digits, as the server logs it.");
            }
        });
        var clientCertificate = new Option<string?>("--client-cert")
        {
            Description = "Present this client certificate (PEM, or .pfx/.p12 with password in $PARLEY_CLIENT_CERT_PASSWORD) for certificate login. Needs TLS.",
        };
        var clientKey = new Option<string?>("--client-key")
        {
            Description = "PEM private key of --client-cert, unless the certificate file holds it.",
        };
        var knownHosts = new Option<string?>("--known-hosts")
        {
            Description = "The known_hosts file. Default $PARLEY_CONFIG_DIR/known_hosts, else ~/.config/parley/known_hosts.",
        };

        var password = new Option<string?>("--password")
        {
            Description = "Log in to your account. Alone, asks with hidden typing; with a value, uses it (visible to other users "
                + "of this machine: prefer the prompt or the PARLEY_PASSWORD environment variable).",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var root = new RootCommand("Parley console chat client. Type /help once connected; exit or /quit leaves. "
            + "Logs in when a password comes from --password or PARLEY_PASSWORD.")
        {
            server,
            name,
            host,
            port,
            tls,
            trustFingerprint,
            clientCertificate,
            clientKey,
            knownHosts,
            password,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(clientKey) is not null && result.GetValue(clientCertificate) is null)
            {
                result.AddError("--client-key needs --client-cert.");
            }
        });
        root.SetAction(async (parseResult, token) =>
        {
            var target = ServerTarget.Resolve(
                parseResult.GetValue(server), parseResult.GetValue(host) ?? "127.0.0.1", parseResult.GetValue(port), parseResult.GetValue(tls));
            if (target.Error is { } message)
            {
                await error.WriteLineAsync("parley: " + message);
                return ExitCodes.CommandFailed;
            }

            var given = parseResult.GetResult(password) is { Implicit: false };
            var value = parseResult.GetValue(password);
            var settings = new ChatSettings(
                parseResult.GetValue(name),
                target.Host,
                target.Port,
                Password: given ? value : NullIfEmpty(environment("PARLEY_PASSWORD")),
                AskPassword: given && string.IsNullOrEmpty(value))
            {
                Tls = target.Tls,
                TrustFingerprint = parseResult.GetValue(trustFingerprint),
                ClientCertificatePath = parseResult.GetValue(clientCertificate),
                ClientKeyPath = parseResult.GetValue(clientKey),
                KnownHostsPath = parseResult.GetValue(knownHosts),
                HistoryPath = Editing.InputHistory.DefaultPath(environment),
            };
            var io = new ChatIo(input, output, error);
            return interactive
                ? await InteractiveChat.RunAsync(settings, io, token)
                : await PipedChat.RunAsync(settings, io, token);
        });

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
