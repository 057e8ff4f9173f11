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
    public static RootCommand Create(
        Func<IReadOnlyList<KeyValuePair<string, string?>>, CancellationToken, Task<int>> run,
        Func<IReadOnlyList<KeyValuePair<string, string?>>, string, CancellationToken, Task<int>>? backup = null)
    {
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on (Parley:Host, env Parley__Host). Default 127.0.0.1; 0.0.0.0 serves other machines.",
        };
        var port = new Option<int?>("--port", "-p")
        {
            Description = "Line-protocol TCP port (Parley:Port, env Parley__Port). Default 55555; 0 picks a free port.",
        };
        var maxOutbound = new Option<long?>("--max-outbound-bytes")
        {
            Description = "Bytes that may queue for one slow client before it is disconnected (Parley:Limits:MaxOutboundBytes). Default 1048576.",
        };
        var registrationTimeout = new Option<TimeSpan?>("--registration-timeout")
        {
            Description = "How long a connection may stay unregistered, as hh:mm:ss (Parley:Limits:RegistrationTimeout). Default 00:01:00.",
        };

        var data = new Option<string>("--data")
        {
            Description = "Directory of the database file parley.db, created on first run (Parley:Storage:DataDirectory). Default ./data.",
            Recursive = true,
        };

        var root = new RootCommand("Parley chat server: the seeds' line protocol on TCP. Stop with Ctrl+C.")
        {
            host, port, maxOutbound, registrationTimeout, data,
        };

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
            Map(maxOutbound, "Parley:Limits:MaxOutboundBytes");
            Map(registrationTimeout, "Parley:Limits:RegistrationTimeout");
            Map(data, "Parley:Storage:DataDirectory");
            return overrides;
        }

        root.SetAction((parse, cancellationToken) => run(Overrides(parse), cancellationToken));

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

        return root;
    }
}
