using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each in its own
/// transaction with its row in <c>schema_migrations</c>. Runs under a session advisory lock, so
/// nodes starting together apply each migration once: the second waits, then finds them applied.
/// Forward-only: a database newer than this code is refused rather than guessed at.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock key of the migrations: "Parley" in ASCII.</summary>
    public const long LockKey = 0x5061726C6579;

    private const string Prefix = "migrations/";

    /// <summary>The migrations shipped in this assembly, in version order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>; returns the version after.</summary>
    /// <exception cref="InvalidOperationException">The database is newer than this code.</exception>
    /// <exception cref="NpgsqlException">PostgreSQL refused or failed.</exception>
    public static int Apply(NpgsqlConnection connection, ILogger logger)
    {
        Execute(connection, null, $"SELECT pg_advisory_lock({LockKey.ToString(CultureInfo.InvariantCulture)})");
        try
        {
            Execute(connection, null,
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer     PRIMARY KEY,
                    name        text        NOT NULL,
                    applied_utc timestamptz NOT NULL DEFAULT now()
                )
                """);
            var found = ReadVersion(connection);
            if (found > LatestVersion)
                throw new InvalidOperationException($"The database schema is version {found}, newer than this server's {LatestVersion}: run a newer server.");
            foreach (var (version, name, sql) in All.Where(m => m.Version > found))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, sql);
                using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
                    record.ExecuteNonQuery();
                }

                transaction.Commit();
                PostgresLog.Migrated(logger, version, name);
            }

            return ReadVersion(connection);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
                Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey.ToString(CultureInfo.InvariantCulture)})");
        }
    }

    /// <summary>The newest version recorded (0 for an empty database).</summary>
    public static int ReadVersion(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", connection);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static List<(int Version, string Name, string Sql)> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var migrations = new List<(int Version, string Name, string Sql)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add((version, name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version < 1 || (i > 0 && migrations[i].Version == migrations[i - 1].Version))
                throw new InvalidOperationException($"Migration numbers must be positive and unique; found {migrations[i].Name}.");
        }

        return migrations;
    }
}
