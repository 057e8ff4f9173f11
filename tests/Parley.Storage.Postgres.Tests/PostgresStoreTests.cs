using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Parley.Core.Messages;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres.Tests;

/// <summary>What the contract does not say: migrations, concurrent starts, group commit, errors at open, backup.</summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrations_are_recorded_once_each_and_opening_again_applies_nothing()
    {
        var database = await server.CreateDatabaseAsync();
        var options = Options(database);
        using (var first = Open(options))
            Assert.Equal(PostgresMigrations.LatestVersion, first.SchemaVersion);
        using (var second = Open(options))
            Assert.Equal(PostgresMigrations.LatestVersion, second.SchemaVersion);

        Assert.Equal(PostgresMigrations.All.Select(m => m.Version), await VersionsAsync(database));
        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Servers_starting_together_on_an_empty_database_apply_each_migration_once()
    {
        var database = await server.CreateDatabaseAsync();
        var options = Options(database);
        using var gate = new Barrier(4);

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            gate.SignalAndWait(TimeSpan.FromSeconds(30));
            return Open(options);
        })));

        Assert.All(opened, d => Assert.Equal(PostgresMigrations.LatestVersion, d.SchemaVersion));
        Assert.Equal(PostgresMigrations.All.Select(m => m.Version), await VersionsAsync(database));
        // Each drew its own block of message ids from the one sequence: no two share an id.
        var ids = opened.Select(d => new PostgresMessageStore(d).Append(Broadcast("alice", "hi")).Message.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var d in opened)
            d.Dispose();
        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_schema_newer_than_this_code_is_refused()
    {
        var database = await server.CreateDatabaseAsync();
        var options = Options(database);
        Open(options).Dispose();
        await ExecuteAsync(database, "INSERT INTO schema_migrations (version, name) VALUES (999, '0999_future.sql')");

        var refused = Assert.Throws<InvalidOperationException>(() => Open(options));

        Assert.Contains("newer than this server's", refused.Message, StringComparison.Ordinal);
        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Concurrent_appends_are_committed_in_fewer_transactions_than_messages()
    {
        var database = await server.CreateDatabaseAsync();
        using (var db = Open(Options(database)))
        {
            var messages = new PostgresMessageStore(db);
            var before = db.BatchesCommitted;

            var receipts = Enumerable.Range(0, 2000).Select(i => messages.Append(Broadcast("alice", $"m{i}"))).ToList();
            await Task.WhenAll(receipts.Select(r => r.Committed));

            Assert.Equal(2000, db.WritesCommitted);
            Assert.True(db.BatchesCommitted - before < 2000 / 2, $"{db.BatchesCommitted - before} batches");
            Assert.Equal(2000, (await messages.GetHistoryAsync(new HistoryQuery(0, null, 5000, null))).Count);
        }

        await server.DropDatabaseAsync(database);
    }

    [Fact]
    public void A_server_that_refuses_the_connection_is_one_line_naming_where_and_why()
    {
        var options = new PostgresStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Database=parley;Username=parley;Timeout=2", MaxRetries = 0 };

        var refused = Assert.Throws<StoreUnavailableException>(() => Open(options));

        Assert.StartsWith("cannot open the PostgreSQL store at 127.0.0.1:", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Theory]
    [InlineData("", "Parley:Storage:Postgres:ConnectionString is not set")]
    [InlineData("Hots=127.0.0.1", "Parley:Storage:Postgres:ConnectionString cannot be read")]
    [InlineData("Database=parley", "Parley:Storage:Postgres:ConnectionString names no Host")]
    public void A_missing_or_unreadable_connection_string_names_the_setting(string connectionString, string expected)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => new PostgresStoreOptions { ConnectionString = connectionString }.Validate());

        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_writes_a_pg_dump_archive_that_restores_into_an_empty_database()
    {
        Parley.TestKit.TestPrerequisites.Require("pg_dump");
        var database = await server.CreateDatabaseAsync();
        var options = Options(database);
        using (var db = Open(options))
            await new PostgresMessageStore(db).Append(Broadcast("alice", "kept")).Committed;
        var file = Path.Combine(Path.GetTempPath(), "parley-pg-backup-" + Guid.NewGuid().ToString("N") + ".dump");
        var copy = await server.CreateDatabaseAsync();
        try
        {
            var backup = new PostgresBackup(options);
            var source = await backup.BackupAsync(file);

            Assert.Equal($"PostgreSQL database {database} at 127.0.0.1:{server.Port}", source);
            await Assert.ThrowsAsync<IOException>(() => backup.BackupAsync(file));
            server.Restore(file, copy);
            Assert.Equal("kept", await ScalarAsync(copy, "SELECT text FROM messages"));
        }
        finally
        {
            File.Delete(file);
            await server.DropDatabaseAsync(copy);
            await server.DropDatabaseAsync(database);
        }
    }

    private PostgresStoreOptions Options(string database) => new() { ConnectionString = server.ConnectionString(database) };

    private static PostgresDatabase Open(PostgresStoreOptions options) => new(options, NullLogger<PostgresDatabase>.Instance);

    private static NewMessage Broadcast(string from, string text) => new(MessageKind.Broadcast, T0, from, null, null, null, text, Delivered: true);

    private async Task<List<int>> VersionsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
            versions.Add(reader.GetInt32(0));
        return versions;
    }

    private async Task ExecuteAsync(string database, string sql) => await ScalarAsync(database, sql);

    private async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
