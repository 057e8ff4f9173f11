using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Parley.Storage.Sqlite.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts in order, each in its own
/// transaction, recording the version in <c>PRAGMA user_version</c>. Forward-only: a database
/// newer than this code is refused rather than guessed at.
/// </summary>
internal static class MigrationRunner
{
    private const string Prefix = "migrations/";

    /// <summary>The migrations shipped in this assembly, in version order.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    /// <summary>The schema version this code writes.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Brings the database up to <see cref="LatestVersion"/>; returns the version it found.</summary>
    /// <exception cref="InvalidOperationException">The database is newer than this code.</exception>
    public static int Apply(SqliteConnection connection, ILogger logger)
    {
        var found = ReadVersion(connection);
        if (found > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is version {found}, newer than this server's {LatestVersion}: run a newer server.");
        }

        foreach (var migration in All.Where(m => m.Version > found))
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql;
                command.ExecuteNonQuery();
            }

            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                // PRAGMA takes no parameters; the value is our own integer constant, never input.
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {migration.Version}");
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            StorageLog.Migrated(logger, migration.Version, migration.Name);
        }

        return found;
    }

    /// <summary>The schema version recorded in the database (0 for a new file).</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Gaps are allowed (branches reserve numbers: 0002 may arrive after 0003), duplicates are not.
        // A database is at the version of the last migration applied, so a migration numbered below
        // a database's version is never applied to it: merge numbered migrations in order.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version < 1 || (i > 0 && migrations[i].Version == migrations[i - 1].Version))
                throw new InvalidOperationException($"Migration numbers must be positive and unique; found {migrations[i].Name}.");
        }

        return migrations;
    }
}
