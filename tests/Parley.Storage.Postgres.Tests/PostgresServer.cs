using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Parley.Storage.Postgres.Tests;

/// <summary>
/// A real PostgreSQL server owned by this test run: Debian's binaries (<c>pg_config --bindir</c>,
/// else the newest <c>/usr/lib/postgresql/*/bin</c>), a data directory in a temp folder owned by
/// the <c>postgres</c> user (initdb refuses root, so as root every command runs through
/// <c>runuser -u postgres --</c>), listening on 127.0.0.1 on a free port with its unix socket in
/// the temp folder, fsync on. One per test run (the <see cref="UsesPostgres"/> fixture);
/// each test gets databases of its own (<see cref="CreateDatabaseAsync"/>). Stopped and deleted
/// on dispose, and when the test process exits.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable, IDisposable
{
    private readonly string _root;
    private readonly string _data;
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";
    private int _disposed;

    public PostgresServer()
    {
        _bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "these tests need PostgreSQL's server binaries (initdb, pg_ctl), which are not installed: install them (Debian/Ubuntu: sudo apt-get install postgresql); .ci/run installs it");
        _root = Path.Combine(Path.GetTempPath(), "parley-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        if (_asRoot)
            Run("chown", "postgres:postgres", _root);
        RunAsPostgres(Path.Combine(_bin, "initdb"), "-D", _data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        Port = FreePort();
        Start();
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A superuser connection string to the database <paramref name="database"/>.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={database};Timeout=5;Command Timeout=30";

    /// <summary>Creates an empty database of a new name; returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "parley_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a database, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Restores a <c>pg_dump --format=custom</c> archive into <paramref name="database"/> with this version's <c>pg_restore</c>.</summary>
    public void Restore(string archive, string database) =>
        Run(Path.Combine(_bin, "pg_restore"), "--no-owner", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, archive);

    /// <summary>Starts the server (again) on its port and waits until it accepts connections.</summary>
    public void Start() =>
        RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "start", "-D", _data, "-w", "-t", "60", "-s", "-l", Path.Combine(_root, "server.log"),
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_root} -c fsync=on -c synchronous_commit=on -c max_connections=300");

    /// <summary>
    /// Stops the server: <c>immediate</c> is a crash (no checkpoint; recovery replays the WAL at
    /// the next start), <c>fast</c> a clean shutdown.
    /// </summary>
    public void Stop(string mode) => RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "stop", "-D", _data, "-m", mode, "-w", "-t", "60", "-s");

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            Stop("fast");
        }
        catch (InvalidOperationException)
        {
            // Not running (a test stopped it): nothing to stop.
        }

        Directory.Delete(_root, recursive: true);
    }

    private static string? FindBinDirectory()
    {
        try
        {
            var bin = Capture("pg_config", "--bindir").Trim();
            if (File.Exists(Path.Combine(bin, "initdb")))
                return bin;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No pg_config: look where Debian puts the versions.
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void RunAsPostgres(string program, params string[] arguments)
    {
        if (_asRoot)
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else
            Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments) => Capture(program, arguments);

    private static string Capture(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within 120 s");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result.Trim()} {output.Trim()}");
        return output;
    }
}
