using Microsoft.Extensions.Logging.Abstractions;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>A database in a fresh temp folder, deleted (with every file handle closed) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase(int maxBatchSize = 1024)
    {
        Directory = Path.Combine(Path.GetTempPath(), "parley-storage-" + Guid.NewGuid().ToString("N"));
        Options = new SqliteStoreOptions { DataDirectory = Directory, MaxBatchSize = maxBatchSize };
        Open();
    }

    public string Directory { get; }

    public SqliteStoreOptions Options { get; }

    public SqliteDatabase Database { get; private set; } = null!;

    public SqliteMessageStore Messages { get; private set; } = null!;

    public SqliteAccountStore Accounts { get; private set; } = null!;

    public SqliteCertificateStore Certificates { get; private set; } = null!;

    /// <summary>Closes and opens the same file again, as a server restart would.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Open();
    }

    public void Dispose()
    {
        Database.Dispose();
        // Deleting fails if any handle were left open (on Windows); on Linux the check is the -wal file.
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Open()
    {
        Database = new SqliteDatabase(Options, NullLogger<SqliteDatabase>.Instance);
        Messages = new SqliteMessageStore(Database);
        Accounts = new SqliteAccountStore(Database);
        Certificates = new SqliteCertificateStore(Database);
    }
}
