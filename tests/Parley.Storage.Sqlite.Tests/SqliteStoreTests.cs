using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Messages;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite.Tests;

public sealed class SqliteStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Opening_a_new_directory_creates_the_file_in_wal_mode_at_the_latest_schema()
    {
        using var db = new TempDatabase();

        Assert.True(File.Exists(db.Options.DatabasePath));
        Assert.Equal(Migrations.MigrationRunner.LatestVersion, db.Database.SchemaVersion);
        using var connection = new SqliteConnection($"Data Source={db.Options.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Concurrent_appends_are_committed_in_fewer_transactions_than_messages()
    {
        using var db = new TempDatabase();
        var batchesBefore = db.Database.BatchesCommitted;

        var receipts = Enumerable.Range(0, 2000).Select(i => db.Messages.Append(Broadcast("alice", $"m{i}"))).ToList();
        await Task.WhenAll(receipts.Select(r => r.Committed));

        Assert.Equal(2000, db.Database.WritesCommitted);
        Assert.True(db.Database.BatchesCommitted - batchesBefore < 2000 / 2, $"{db.Database.BatchesCommitted} batches");
    }

    [Fact]
    public async Task Backup_writes_a_complete_copy_that_opens_on_its_own()
    {
        using var db = new TempDatabase();
        await db.Messages.Append(Broadcast("alice", "kept")).Committed;
        var file = Path.Combine(db.Directory, "backup", "copy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var backup = new SqliteBackup(db.Options);
        var source = await backup.BackupAsync(file);

        Assert.Equal(db.Options.DatabasePath, source);
        await Assert.ThrowsAsync<IOException>(() => backup.BackupAsync(file));
        using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT text FROM messages";
        Assert.Equal("kept", command.ExecuteScalar());
    }

    [Fact]
    public async Task Backup_of_a_missing_database_is_refused_and_a_sqlite_failure_is_an_io_error()
    {
        using var db = new TempDatabase();
        var missing = new SqliteBackup(db.Options with { DataDirectory = Path.Combine(db.Directory, "none") });
        var unwritable = Path.Combine(db.Directory, "no-such-folder", "copy.db");

        await Assert.ThrowsAsync<FileNotFoundException>(() => missing.BackupAsync(Path.Combine(db.Directory, "copy.db")));
        var error = await Assert.ThrowsAsync<IOException>(() => new SqliteBackup(db.Options).BackupAsync(unwritable));
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public void A_database_that_cannot_be_opened_makes_the_registered_store_unavailable_naming_its_file()
    {
        using var db = new TempDatabase();
        // A directory cannot be made under a file.
        var file = Path.Combine(db.Directory, "a-file");
        File.WriteAllText(file, "");
        var options = new SqliteStoreOptions { DataDirectory = Path.Combine(file, "data") };
        using var services = new ServiceCollection().AddLogging().AddSqliteStorage(options).BuildServiceProvider();

        var error = Assert.Throws<StoreUnavailableException>(() => services.GetRequiredService<IStoreHealth>());

        Assert.StartsWith($"cannot open {options.DatabasePath}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_newer_than_the_code_is_refused()
    {
        using var db = new TempDatabase();
        db.Database.Dispose();
        using (var connection = new SqliteConnection($"Data Source={db.Options.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(db.Reopen);
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    private static NewMessage Broadcast(string from, string text) =>
        new(MessageKind.Broadcast, T0, from, null, null, null, text, Delivered: true);
}
