using Microsoft.Data.Sqlite;
using Parley.Core.Messages;

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
    public async Task Appended_messages_survive_a_reopen_and_ids_continue_after_them()
    {
        using var db = new TempDatabase();
        var first = db.Messages.Append(Broadcast("alice", "one"));
        var second = db.Messages.Append(Broadcast("bob", "two"));
        await Task.WhenAll(first.Committed, second.Committed);

        db.Reopen();
        var third = db.Messages.Append(Broadcast("carol", "three"));
        await third.Committed;

        Assert.Equal([1L, 2L, 3L], [first.Message.Id, second.Message.Id, third.Message.Id]);
        var history = await db.Messages.GetHistoryAsync(new HistoryQuery(0, null, 10, null));
        Assert.Equal(["one", "two", "three"], history.Select(m => m.Text));
        Assert.Equal(T0, history[0].SentUtc);
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

    [Theory]
    [InlineData("'); DROP TABLE messages; --")]
    [InlineData("Robert'); DELETE FROM accounts WHERE ('1'='1")]
    [InlineData("$text @p :x ? %s \\ \" ' ` ✓ 🎉")]
    public async Task Sql_looking_text_is_stored_and_returned_verbatim(string text)
    {
        using var db = new TempDatabase();
        await db.Messages.Append(Broadcast("alice", text)).Committed;

        var history = await db.Messages.GetHistoryAsync(new HistoryQuery(0, null, 10, null));

        Assert.Equal(text, Assert.Single(history).Text);
    }

    [Fact]
    public async Task Creating_an_account_for_a_nick_registered_in_another_case_returns_null()
    {
        using var db = new TempDatabase();

        var alice = await db.Accounts.CreateAsync("Alice", "hash1", T0);
        var again = await db.Accounts.CreateAsync("alice", "hash2", T0);

        Assert.NotNull(alice);
        Assert.Null(again);
        Assert.Equal("Alice", (await db.Accounts.FindAsync("ALICE"))!.Nick);
    }

    [Fact]
    public async Task Direct_history_pages_back_by_id_and_keeps_conversations_apart()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("alice", "h", T0))!;
        var bob = (await db.Accounts.CreateAsync("bob", "h", T0))!;
        for (var i = 0; i < 25; i++)
        {
            var (from, fromId, to, toId) = i % 2 == 0 ? ("alice", alice.Id, "bob", bob.Id) : ("bob", bob.Id, "alice", alice.Id);
            db.Messages.Append(new NewMessage(MessageKind.Direct, T0, from, fromId, to, toId, $"m{i}", true));
            db.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", alice.Id, "carol", null, $"other{i}", true));
        }

        await db.Messages.FlushAsync();

        var newest = await db.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "BOB", 10, null));
        var older = await db.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "bob", 10, newest[0].Id));
        var oldest = await db.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "bob", 10, older[0].Id));
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"m{i}"), newest.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(5, 10).Select(i => $"m{i}"), older.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m{i}"), oldest.Select(m => m.Text));
        var bobsView = await db.Messages.GetHistoryAsync(new HistoryQuery(bob.Id, "alice", 200, null));
        Assert.Equal(25, bobsView.Count);
    }

    [Fact]
    public async Task Waiting_messages_are_returned_oldest_first_until_marked_delivered()
    {
        using var db = new TempDatabase();
        var bob = (await db.Accounts.CreateAsync("bob", "h", T0))!;
        for (var i = 0; i < 5; i++)
            db.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddSeconds(i), "alice", null, "bob", bob.Id, $"m{i}", Delivered: false));
        await db.Messages.FlushAsync();

        var first = await db.Messages.GetUndeliveredAsync(bob.Id, 3);
        await db.Messages.MarkDeliveredAsync(bob.Id, first[^1].Id);
        var rest = await db.Messages.GetUndeliveredAsync(bob.Id, 3);

        Assert.Equal(["m0", "m1", "m2"], first.Select(m => m.Text));
        Assert.Equal(["m3", "m4"], rest.Select(m => m.Text));
        Assert.Equal(2, await db.Messages.CountUndeliveredAsync(bob.Id));
    }

    [Fact]
    public async Task Backup_writes_a_complete_copy_that_opens_on_its_own()
    {
        using var db = new TempDatabase();
        await db.Messages.Append(Broadcast("alice", "kept")).Committed;
        var file = Path.Combine(db.Directory, "backup", "copy.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        SqliteBackup.Run(db.Options, file);

        Assert.Throws<IOException>(() => SqliteBackup.Run(db.Options, file));
        using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT text FROM messages";
        Assert.Equal("kept", command.ExecuteScalar());
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
