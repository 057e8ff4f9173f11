using System.Diagnostics;
using System.Text;
using Npgsql;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>
/// The PostgreSQL provider's <see cref="IStoreBackup"/>: runs <c>pg_dump --format=custom</c> (a
/// consistent snapshot taken in one transaction while the server runs; restore with
/// <c>pg_restore</c>) against the configured database. Needs <c>pg_dump</c> on the PATH (Debian:
/// <c>postgresql-client</c>) of a version at least the server's; without it the backup fails with
/// a line that says so, and an operator runs <c>pg_dump</c> themselves (docs/cluster.md). Never
/// opens the store for serving (no migrations, no writer).
/// </summary>
/// <param name="options">Where the database is.</param>
/// <remarks>Thread-safe: each backup is a process of its own.</remarks>
public sealed class PostgresBackup(PostgresStoreOptions options) : IStoreBackup
{
    /// <inheritdoc />
    /// <returns>What was copied: <c>PostgreSQL database NAME at HOST:PORT</c>.</returns>
    /// <exception cref="IOException">
    /// <paramref name="destination"/> exists already, <c>pg_dump</c> is not on the PATH ("not
    /// supported without pg_dump"), or it failed (its first error line).
    /// </exception>
    public async Task<string> BackupAsync(string destination, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        options.Validate();
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
            throw new IOException($"{target} exists already; choose a new file name.");
        var pgDump = FindOnPath("pg_dump")
            ?? throw new IOException("backup of the PostgreSQL store is not supported without pg_dump on the PATH: install postgresql-client, or run pg_dump --format=custom yourself (docs/cluster.md)");

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var start = new ProcessStartInfo(pgDump)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--format=custom", "--no-password", "--file=" + target, "--dbname=" + ConnectionInfo(builder) })
            start.ArgumentList.Add(argument);
        // The password goes by environment, never on a command line others can read.
        if (!string.IsNullOrEmpty(builder.Password))
            start.Environment["PGPASSWORD"] = builder.Password;

        using var process = Process.Start(start) ?? throw new IOException("pg_dump could not be started");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var first = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message";
            throw new IOException($"pg_dump failed (exit code {process.ExitCode}): {first.Trim()}");
        }

        return $"PostgreSQL database {builder.Database ?? builder.Username} at {builder.Host}:{builder.Port}";
    }

    // libpq's keyword/value form (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING), password left out.
    private static string ConnectionInfo(NpgsqlConnectionStringBuilder builder)
    {
        var text = new StringBuilder();
        void Add(string keyword, string? value)
        {
            if (string.IsNullOrEmpty(value))
                return;
            text.Append(keyword).Append("='").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("' ");
        }

        Add("host", builder.Host);
        Add("port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("user", builder.Username);
        Add("dbname", builder.Database);
        Add("sslmode", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        return text.ToString().TrimEnd();
    }

    private static string? FindOnPath(string program)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
