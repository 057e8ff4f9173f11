using Microsoft.Data.Sqlite;

namespace Parley.Storage.Sqlite;

/// <summary>
/// Copies the database to a new file with <c>VACUUM INTO</c>: a consistent, compacted snapshot,
/// safe while the server runs (it reads one transaction's view; writers carry on in WAL mode).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Writes a backup of the database under <paramref name="options"/> to <paramref name="destination"/>.</summary>
    /// <param name="options">Where the live database is.</param>
    /// <param name="destination">The backup file to create; it must not exist.</param>
    /// <exception cref="FileNotFoundException">There is no database under the data directory.</exception>
    /// <exception cref="IOException"><paramref name="destination"/> exists already.</exception>
    /// <exception cref="SqliteException">SQLite could not read the database or write the copy.</exception>
    public static void Run(SqliteStoreOptions options, string destination)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        if (!File.Exists(options.DatabasePath))
            throw new FileNotFoundException($"No database at {options.DatabasePath}.", options.DatabasePath);
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
            throw new IOException($"{target} exists already; choose a new file name.");

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        command.ExecuteNonQuery();
    }
}
