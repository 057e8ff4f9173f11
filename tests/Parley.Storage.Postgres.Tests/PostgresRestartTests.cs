using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres.Tests;

/// <summary>
/// PostgreSQL crashes (<c>pg_ctl stop -m immediate</c>) in the middle of a conversation: writes
/// and reads fail with <see cref="StoreUnavailableException"/> while it is down, nothing
/// acknowledged is lost, and the same store works again once it is back, without reopening.
/// </summary>
[Collection(UsesPostgres.Name)]
public sealed class PostgresRestartTests(PostgresServer server)
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_postgres_crash_fails_commands_clearly_loses_nothing_acknowledged_and_the_store_recovers()
    {
        var database = await server.CreateDatabaseAsync();
        var options = new PostgresStoreOptions { ConnectionString = server.ConnectionString(database), MaxRetries = 2 };
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Critical)).AddPostgresStorage(options).BuildServiceProvider();
        try
        {
            var accounts = services.GetRequiredService<IAccountStore>();
            var messages = services.GetRequiredService<IMessageStore>();
            var health = services.GetRequiredService<IStoreHealth>();
            var bob = await accounts.CreateAsync("bob", "hash", T0) ?? throw new InvalidOperationException("bob exists");
            var before = Enumerable.Range(0, 50).Select(i => messages.Append(Direct(bob.Id, $"before {i}"))).ToList();
            await Task.WhenAll(before.Select(r => r.Committed)).WaitAsync(Timeout);

            server.Stop("immediate");
            try
            {
                var during = messages.Append(Direct(bob.Id, "during"));
                var failed = await Assert.ThrowsAsync<StoreUnavailableException>(() => during.Committed.WaitAsync(Timeout));
                Assert.StartsWith($"the PostgreSQL store at 127.0.0.1:{server.Port}/{database} is unavailable", failed.Message, StringComparison.Ordinal);
                await Assert.ThrowsAsync<StoreUnavailableException>(async () => await accounts.FindAsync("bob").AsTask().WaitAsync(Timeout));
                await Assert.ThrowsAnyAsync<Exception>(() => health.CheckWritableAsync().WaitAsync(Timeout));
            }
            finally
            {
                server.Start();
            }

            // Back: the same store (no reopen) takes writes and reads again.
            await health.CheckWritableAsync().WaitAsync(Timeout);
            var after = messages.Append(Direct(bob.Id, "after"));
            await after.Committed.WaitAsync(Timeout);
            Assert.Equal(bob, await accounts.FindAsync("BOB"));
            var waiting = (await messages.GetUndeliveredAsync(bob.Id, 100)).Select(m => m.Text).ToList();
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"before {i}"), waiting.Where(t => t.StartsWith("before", StringComparison.Ordinal)));
            Assert.Equal("after", waiting[^1]);
            Assert.True(before[^1].Message.Id < after.Message.Id);
        }
        finally
        {
            await services.DisposeAsync();
            await server.DropDatabaseAsync(database);
        }
    }

    private static NewMessage Direct(long toAccount, string text) =>
        new(MessageKind.Direct, T0, "alice", null, "bob", toAccount, text, Delivered: false);
}
