using System.CommandLine;

namespace Parley.Server.Hosting;

/// <summary>
/// The server's command line. Each option overrides one configuration key, so the same setting
/// can also come from appsettings.json or an environment variable (ASP.NET Core conventions).
/// </summary>
internal static class ServerCommandLine
{
    /// <summary>Builds the command line.</summary>
    /// <param name="run">Runs the server with the configuration overrides.</param>
    /// <param name="backup">Runs <c>backup &lt;file&gt;</c> with the overrides and the file; null leaves it out.</param>
    /// <param name="checkConfig">Runs instead of <paramref name="run"/> with <c>--check-config</c>; null leaves the option out.</param>
    /// <param name="stats">Runs <c>stats [--url URL]</c> with the overrides and the URL (null: from the configuration); null leaves it out.</param>
    public static RootCommand Create(
        Func<IReadOnlyList<KeyValuePair<string, string?>>, CancellationToken, Task<int>> run,
        Func<IReadOnlyList<KeyValuePair<string, string?>>, string, CancellationToken, Task<int>>? backup = null,
        Func<IReadOnlyList<KeyValuePair<string, string?>>, string?, CancellationToken, Task<int>>? stats = null,
        Func<IReadOnlyList<KeyValuePair<string, string?>>, CancellationToken, Task<int>>? checkConfig = null)
    {
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on (Parley:Host, env Parley__Host). Default 127.0.0.1; 0.0.0.0 serves other machines.",
        };
        var port = new Option<int?>("--port", "-p")
        {
            Description = "Plain (unencrypted) line-protocol TCP port (Parley:Port, env Parley__Port). Default 55555; 0 turns it off; -1 picks a free port.",
        };
        var tlsPort = new Option<int?>("--tls-port")
        {
            Description = "Line protocol over TLS (Parley:Tls:Port). Default 55556; 0 turns it off; -1 picks a free port.",
        };
        var ircPort = new Option<int?>("--irc-port")
        {
            Description = "Plain IRC port (Parley:Irc:Port). Default 6667; 0 turns it off; -1 picks a free port.",
        };
        var ircsPort = new Option<int?>("--ircs-port")
        {
            Description = "IRC over TLS, with the --tls-cert certificate (Parley:Irc:TlsPort). Default 6697; 0 turns it off; -1 picks a free port.",
        };
        var httpPort = new Option<int?>("--http-port")
        {
            Description = "HTTP port for /healthz, /readyz and /metrics (Parley:Http:Port). Default 8080 on 127.0.0.1 (Parley:Http:Host); 0 turns it off; -1 picks a free port.",
            Recursive = true,
        };
        var httpsPort = new Option<int?>("--https-port")
        {
            Description = "HTTPS port for the web client, /ws and /healthz (Parley:Https:Port), with the --tls-cert certificate, on Parley:Http:Host. Default 8443; 0 turns it off; -1 picks a free port.",
        };
        var tlsCertificate = new Option<string>("--tls-cert")
        {
            Description = "Server certificate: PEM (fullchain.pem) or PKCS#12 .pfx (Parley:Tls:CertificatePath). Default: a self-signed certificate in the data directory.",
        };
        var tlsKey = new Option<string>("--tls-key")
        {
            Description = "PEM private key of --tls-cert (Parley:Tls:KeyPath), unless the certificate file holds it.",
        };
        var data = new Option<string>("--data")
        {
            Description = "Directory for the server's files: the database parley.db and the development certificate (Parley:DataDirectory). Default ./data.",
            Recursive = true,
        };
        // Not AcceptOnlyFromAmong: an unknown provider is refused by the configuration's check,
        // in the one line that names the setting and the allowed values (as from the environment).
        var storage = new Option<string>("--storage")
        {
            Description = "Storage provider for accounts, messages and rooms (Parley:Storage:Provider): sqlite (default: parley.db in the data directory) or postgres (Parley:Storage:Postgres:ConnectionString; docs/cluster.md).",
            Recursive = true,
        };
        var maxOutbound = new Option<long?>("--max-outbound-bytes")
        {
            Description = "Bytes that may queue for one slow client before it is disconnected (Parley:Limits:MaxOutboundBytes). Default 1048576.",
        };
        var registrationTimeout = new Option<TimeSpan?>("--registration-timeout")
        {
            Description = "How long a connection may stay unregistered, as hh:mm:ss (Parley:Limits:RegistrationTimeout). Default 00:01:00.",
        };

        var config = new Option<string>("--config", "-c")
        {
            Description = "A JSON configuration file (Parley:ConfigFile), read after appsettings.json and before the environment and these options; see parley.example.json.",
            Recursive = true,
        };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Console log format (Parley:LogFormat): simple (default: a UTC timestamp and one line per event) or json.",
        };
        logFormat.AcceptOnlyFromAmong("simple", "json", "systemd");
        var check = new Option<bool>("--check-config")
        {
            Description = "Check the configuration (every setting, the TLS certificate files) and exit: 0 when valid, 2 with one line naming the bad setting.",
        };

        var root = new RootCommand("Parley chat server: the seeds' line protocol and IRC, on TCP and TLS. Stop with Ctrl+C.")
        {
            host, port, tlsPort, ircPort, ircsPort, httpPort, httpsPort, tlsCertificate, tlsKey, data, storage, maxOutbound, registrationTimeout, config, logFormat,
        };
        if (checkConfig is not null)
            root.Options.Add(check);

        List<KeyValuePair<string, string?>> Overrides(ParseResult parse)
        {
            var overrides = new List<KeyValuePair<string, string?>>();
            void Map<T>(Option<T> option, string key)
            {
                if (parse.GetResult(option) is { Implicit: false } && parse.GetValue(option) is { } value)
                    overrides.Add(new(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
            }

            Map(host, "Parley:Host");
            Map(port, "Parley:Port");
            Map(tlsPort, "Parley:Tls:Port");
            Map(ircPort, "Parley:Irc:Port");
            Map(ircsPort, "Parley:Irc:TlsPort");
            Map(httpPort, "Parley:Http:Port");
            Map(httpsPort, "Parley:Https:Port");
            Map(tlsCertificate, "Parley:Tls:CertificatePath");
            Map(tlsKey, "Parley:Tls:KeyPath");
            Map(data, "Parley:DataDirectory");
            Map(storage, StorageOptions.ProviderKey);
            Map(maxOutbound, "Parley:Limits:MaxOutboundBytes");
            Map(registrationTimeout, "Parley:Limits:RegistrationTimeout");
            Map(config, "Parley:ConfigFile");
            Map(logFormat, "Parley:LogFormat");
            return overrides;
        }

        root.SetAction((parse, cancellationToken) => checkConfig is not null && parse.GetValue(check)
            ? checkConfig(Overrides(parse), cancellationToken)
            : run(Overrides(parse), cancellationToken));

        if (backup is not null)
        {
            var file = new Argument<string>("file") { Description = "The backup file to create; it must not exist." };
            var command = new Command("backup", "Copy the database to <file> (VACUUM INTO): consistent, compact, safe while the server runs.")
            {
                file,
            };
            command.SetAction((parse, cancellationToken) => backup(Overrides(parse), parse.GetValue(file)!, cancellationToken));
            root.Subcommands.Add(command);
        }

        if (stats is not null)
        {
            var url = new Option<string>("--url")
            {
                Description = "The server's metrics URL. Default: http://<Parley:Http:Host>:<Parley:Http:Port>/metrics from the configuration.",
            };
            var command = new Command("stats", "Show a running server's metrics at a glance (its /metrics, from loopback or a trusted network).")
            {
                url,
            };
            command.SetAction((parse, cancellationToken) => stats(Overrides(parse), parse.GetValue(url), cancellationToken));
            root.Subcommands.Add(command);
        }

        return root;
    }
}
