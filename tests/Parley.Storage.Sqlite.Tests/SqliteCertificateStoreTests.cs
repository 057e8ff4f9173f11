using Microsoft.Data.Sqlite;
using Parley.Core.Accounts;

namespace Parley.Storage.Sqlite.Tests;

public sealed class SqliteCertificateStoreTests
{
    private const string Fingerprint = "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    private const string Other = "SHA256:FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Added_certificate_finds_its_account_lists_and_survives_a_reopen()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("Alice", "hash", T0))!;

        var added = await db.Certificates.AddAsync(alice.Id, Fingerprint, "laptop", T0, maxPerAccount: 20);
        await db.Certificates.AddAsync(alice.Id, Other, null, T0.AddMinutes(1), maxPerAccount: 20);
        db.Reopen();

        Assert.Equal(CertificateAddResult.Added, added);
        Assert.Equal(alice, await db.Certificates.FindAccountByCertificateAsync(Fingerprint));
        Assert.Equal(alice, await db.Certificates.FindAccountByCertificateAsync(Fingerprint.ToLowerInvariant()));
        Assert.Null(await db.Certificates.FindAccountByCertificateAsync("SHA256:00"));
        Assert.Equal(
            [new AccountCertificate(Fingerprint, alice.Id, T0, "laptop"), new AccountCertificate(Other, alice.Id, T0.AddMinutes(1), null)],
            await db.Certificates.ListAsync(alice.Id));
    }

    [Fact]
    public async Task A_fingerprint_belongs_to_one_account_and_an_account_to_at_most_the_limit()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("alice", "hash", T0))!;
        var bob = (await db.Accounts.CreateAsync("bob", "hash", T0))!;
        await db.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 1);

        var byBob = await db.Certificates.AddAsync(bob.Id, Fingerprint, null, T0, maxPerAccount: 1);
        var again = await db.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 1);
        var full = await db.Certificates.AddAsync(alice.Id, Other, null, T0, maxPerAccount: 1);

        Assert.Equal(CertificateAddResult.AlreadyRegistered, byBob);
        Assert.Equal(CertificateAddResult.AlreadyRegistered, again);
        Assert.Equal(CertificateAddResult.LimitReached, full);
        Assert.Equal(alice, await db.Certificates.FindAccountByCertificateAsync(Fingerprint));
    }

    [Fact]
    public async Task Removing_takes_only_the_owners_certificate()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("alice", "hash", T0))!;
        var bob = (await db.Accounts.CreateAsync("bob", "hash", T0))!;
        await db.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 20);

        Assert.False(await db.Certificates.RemoveAsync(bob.Id, Fingerprint));
        Assert.True(await db.Certificates.RemoveAsync(alice.Id, Fingerprint));
        Assert.False(await db.Certificates.RemoveAsync(alice.Id, Fingerprint));
        Assert.Null(await db.Certificates.FindAccountByCertificateAsync(Fingerprint));
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
