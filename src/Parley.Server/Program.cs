using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Hosting;
using Parley.Server.Observability;

var command = ServerCommandLine.Create(
    async (overrides, _) =>
    {
        // A bad setting, a busy port: one line naming it and exit code 2, never a stack trace.
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = ParleyServer.Build(overrides);
        }
        catch (Exception e) when (StartupErrors.IsConfiguration(e))
        {
            await Console.Error.WriteLineAsync($"parley-server: {StartupErrors.Describe(e)}");
            return StartupErrors.BadConfiguration;
        }

        await using (app)
        {
            try
            {
                // The host handles Ctrl+C and SIGTERM itself and shuts down cleanly.
                await app.StartAsync(CancellationToken.None);
            }
            catch (IOException e) when (StartupErrors.DescribeBind(e, app.Services.GetRequiredService<ListenerRegistry>()) is { } line)
            {
                await Console.Error.WriteLineAsync($"parley-server: {line}");
                return StartupErrors.BadConfiguration;
            }

            await app.WaitForShutdownAsync(CancellationToken.None);
        }

        return 0;
    },
    async (overrides, file, cancellationToken) =>
    {
        try
        {
            var source = await ParleyServer.BackupAsync(overrides, file, cancellationToken: cancellationToken);
            await Console.Out.WriteLineAsync($"parley-server: backed up {source} to {Path.GetFullPath(file)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or NotSupportedException)
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
        catch (Exception e) when (StartupErrors.IsConfiguration(e) || e is UriFormatException)
        {
            await Console.Error.WriteLineAsync($"parley-server: stats: {StartupErrors.Describe(e)}");
            return StartupErrors.BadConfiguration;
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
    },
    async (overrides, _) =>
    {
        try
        {
            var options = ParleyServer.CheckConfiguration(overrides);
            await Console.Out.WriteLineAsync($"parley-server: configuration is valid (data directory {Path.GetFullPath(options.DataDirectory)})");
            return 0;
        }
        catch (Exception e) when (StartupErrors.IsConfiguration(e))
        {
            await Console.Error.WriteLineAsync($"parley-server: {StartupErrors.Describe(e)}");
            return StartupErrors.BadConfiguration;
        }
    });
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    // A bad option is bad configuration too: one line each, exit code 2 (not the whole help).
    foreach (var error in parsed.Errors)
        await Console.Error.WriteLineAsync($"parley-server: {error.Message.ReplaceLineEndings(" ").Replace('\t', ' ')} (see --help)");
    return StartupErrors.BadConfiguration;
}

return await parsed.InvokeAsync();
