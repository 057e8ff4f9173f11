using Microsoft.Data.Sqlite;
using Parley.Core.Accounts;

namespace Parley.Storage.Sqlite.Tests;

public sealed class SqliteCertificateStoreTests
{
    private const string Fingerprint = "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_fingerprint_in_another_form_finds_its_account_through_normalisation()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("alice", "hash", T0))!;
        await db.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 20);

        Assert.Equal(alice, await db.Certificates.FindAccountByCertificateAsync(Fingerprint.ToLowerInvariant()));
    }

    [Fact]
    public async Task A_version_1_database_is_migrated_keeping_its_accounts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "parley-storage-" + Guid.NewGuid().ToString("N"));
        var options = new SqliteStoreOptions { DataDirectory = directory };
        Directory.CreateDirectory(directory);
        using (var connection = new SqliteConnection($"Data Source={options.DatabasePath};Pooling=False"))
        {
            // What a server before client certificates left: migration 1 only, with an account.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.MigrationRunner.All[0].Sql
                + "; INSERT INTO accounts (nick, nick_key, password_hash, created_utc) VALUES ('alice', 'alice', 'hash', 0); PRAGMA user_version = 1";
            command.ExecuteNonQuery();
        }

        try
        {
            using var database = new SqliteDatabase(options, Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteDatabase>.Instance);
            var certificates = new SqliteCertificateStore(database);
            var alice = await new SqliteAccountStore(database).FindAsync("alice");

            Assert.Equal(Migrations.MigrationRunner.LatestVersion, database.SchemaVersion);
            Assert.NotNull(alice);
            Assert.Equal(CertificateAddResult.Added, await certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 20));
            Assert.Equal(alice, await certificates.FindAccountByCertificateAsync(Fingerprint));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
