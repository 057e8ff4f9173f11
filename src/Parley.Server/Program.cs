using Microsoft.Data.Sqlite;
using Parley.Server.Hosting;
using Parley.Server.Observability;
using Parley.Storage.Sqlite;

var command = ServerCommandLine.Create(
    async (overrides, _) =>
    {
        // The host handles Ctrl+C and SIGTERM itself and shuts down cleanly.
        await using var app = ParleyServer.Build(overrides);
        await app.RunAsync();
        return 0;
    },
    async (overrides, file, _) =>
    {
        try
        {
            var options = ParleyServer.ReadOptions(overrides);
            SqliteBackup.Run(options.SqliteStore, file);
            await Console.Out.WriteLineAsync($"parley-server: backed up {options.SqliteStore.DatabasePath} to {Path.GetFullPath(file)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or SqliteException or ArgumentException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"parley-server: backup failed: {e.Message}");
            return 1;
        }
    },
    async (overrides, url, cancellationToken) =>
    {
        Uri metrics;
        try
        {
            var http = ParleyServer.ReadOptions(overrides).Http;
            metrics = new Uri(url ?? $"http://{http.Host}:{http.Port}{HttpEndpoints.MetricsPath}");
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"parley-server: stats: {e.Message}");
            return 2;
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Console.Out.WriteAsync(await StatsReport.FetchAsync(client, metrics, cancellationToken));
            return 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"parley-server: stats: no metrics from {metrics}: {e.Message}");
            return 1;
        }
    });
return await command.Parse(args).InvokeAsync();
