using Microsoft.Data.Sqlite;
using Parley.Server.Hosting;
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
    });
return await command.Parse(args).InvokeAsync();
