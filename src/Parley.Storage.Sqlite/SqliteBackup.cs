using Microsoft.Data.Sqlite;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>
/// The SQLite provider's <see cref="IStoreBackup"/>: copies the database to a new file with
/// <c>VACUUM INTO</c>, a consistent, compacted snapshot, safe while the server runs (it reads one
/// transaction's view; writers carry on in WAL mode). Opens its own connection to the file, never
/// the server's <see cref="SqliteDatabase"/> (no migrations, no writer).
/// </summary>
/// <param name="options">Where the live database is.</param>
/// <remarks>Thread-safe: each backup uses a connection of its own.</remarks>
public sealed class SqliteBackup(SqliteStoreOptions options) : IStoreBackup
{
    /// <inheritdoc />
    /// <returns>The database file's full path.</returns>
    /// <exception cref="FileNotFoundException">There is no database under the data directory.</exception>
    /// <exception cref="IOException"><paramref name="destination"/> exists already, or SQLite could not read the database or write the copy.</exception>
    public Task<string> BackupAsync(string destination, CancellationToken cancellationToken = default)
    {
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
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.AddWithValue("$target", target);
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            // The port's callers know no SQLite: its message, as an I/O failure.
            throw new IOException(e.Message, e);
        }

        return Task.FromResult(options.DatabasePath);
    }
}
