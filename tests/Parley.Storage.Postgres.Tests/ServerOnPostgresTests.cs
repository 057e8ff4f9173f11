using Parley.Protocols.Line;
using Parley.Server.Hosting;
using Parley.TestKit;

namespace Parley.Storage.Postgres.Tests;

/// <summary>The whole server with <c>Parley:Storage:Provider=postgres</c>: accounts, offline messages, rooms and history across restarts of Parley and of PostgreSQL.</summary>
[Collection(UsesPostgres.Name)]
public sealed class ServerOnPostgresTests(PostgresServer server)
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Accounts_an_offline_message_a_room_and_its_history_survive_a_server_restart()
    {
        var database = await server.CreateDatabaseAsync();
        var first = await ParleyTestServer.StartAsync(Settings(database));
        ParleyTestServer? second = null;
        try
        {
            await using (var alice = await first.ConnectNewAccountAsync("alice", Password))
            {
            }

            await using (var carol = await first.ConnectNewAccountAsync("carol", Password))
            {
                await carol.JoinAsync("#ops");
                Assert.Equal("OK registered #ops to carol", (await carol.CommandAsync("/register #ops")).Reply);
                await carol.CommandAsync("/topic #ops ship it");
                Assert.Equal("OK sent to 0 members of #ops", (await carol.CommandAsync("@#ops:kept in history")).Reply);
                await using var bob = await first.ConnectAsAsync("bob");
                Assert.Equal("OK stored for alice (offline)", (await bob.CommandAsync("@alice:while you were out")).Reply);
            }

            second = await first.RestartAsync();
            first = null;

            await using var aliceAgain = await second.ConnectAsync();
            await aliceAgain.SendAsync($"/login alice {Password}");
            var (login, missed) = await aliceAgain.ReplyAsync();
            Assert.Equal("OK logged in as alice; 1 stored message delivered", login);
            Assert.Equal(["while you were out"], missed.Select(l => ServerLineParser.Parse(l).Text));
            Assert.Equal("ERR", (await aliceAgain.CommandAsync("/register alice other-password")).Reply[..3]);

            await using var carolAgain = await second.ConnectLoggedInAsync("carol", Password);
            var joined = await carolAgain.JoinAsync("#ops");
            Assert.Contains(joined, l => l.Contains("ship it", StringComparison.Ordinal));
            var (_, history) = await carolAgain.CommandAsync("/history #ops 10");
            Assert.Equal(["kept in history"], history.Select(l => ServerLineParser.Parse(l).Text));
        }
        finally
        {
            if (first is not null)
                await first.DisposeAsync();
            if (second is not null)
                await second.DisposeAsync();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task While_postgres_is_down_a_message_is_answered_storage_failed_and_once_it_is_back_the_same_server_stores_again()
    {
        var database = await server.CreateDatabaseAsync();
        var settings = Settings(database);
        settings["Parley:Storage:Postgres:MaxRetries"] = "1";
        await using var parley = await ParleyTestServer.StartWithIrcAsync(settings);
        try
        {
            await using var alice = await parley.ConnectNewAccountAsync("alice", Password);
            await using var bob = await parley.ConnectAsAsync("bob");
            await using var device = await parley.ConnectAsync();
            await using var irc = await parley.ConnectIrcAsAsync("dave");
            Assert.Equal("OK delivered to alice", (await bob.CommandAsync("@alice:before")).Reply);

            server.Stop("immediate");
            try
            {
                var (failed, _) = await bob.CommandAsync("@alice:during");
                Assert.StartsWith($"ERR {LineErrorCodes.StorageFailed}", failed, StringComparison.Ordinal);
                // A command that reads the store fails alone: the connection stays.
                var (login, _) = await device.CommandAsync($"/login alice {Password}");
                Assert.StartsWith($"ERR {LineErrorCodes.StorageFailed} the server's store is unavailable", login, StringComparison.Ordinal);
                // A guest's new nick is looked up among the accounts.
                await irc.SendAsync("NICK dave2");
                Assert.Contains("FAIL NICK TEMPORARILY_UNAVAILABLE", (await irc.WaitForAsync(l => l.Contains(" FAIL ", StringComparison.Ordinal))).Line, StringComparison.Ordinal);
            }
            finally
            {
                server.Start();
            }

            Assert.Equal("OK delivered to alice", (await bob.CommandAsync("@alice:after")).Reply);
            Assert.StartsWith("OK logged in as alice", (await device.CommandAsync($"/login alice {Password}")).Reply, StringComparison.Ordinal);
            await irc.SendAsync("NICK dave2");
            Assert.Contains(" NICK ", (await irc.WaitForAsync(l => l.Contains(" NICK ", StringComparison.Ordinal) || l.Contains(" FAIL ", StringComparison.Ordinal))).Line, StringComparison.Ordinal);
            await alice.DrainAsync();
            var (_, history) = await alice.CommandAsync("/history bob");
            var texts = history.Select(l => ServerLineParser.Parse(l).Text).ToList();
            Assert.Equal("before", texts[0]);
            Assert.Equal("after", texts[^1]);
        }
        finally
        {
            await parley.StopAsync();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Confirmed_messages_survive_kill_9_of_the_server_process()
    {
        const int count = 100;
        var database = await server.CreateDatabaseAsync();
        var data = ParleyTestServer.NewTemporaryDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Parley__Storage__Provider"] = "postgres",
            ["Parley__Storage__Postgres__ConnectionString"] = server.ConnectionString(database),
        };
        try
        {
            await using (var first = await ParleyServerProcess.StartAsync(data, environment, null))
            {
                await using (var alice = await LineTestClient.ConnectAsync(first.Port))
                    Assert.Equal("OK registered and logged in as alice", (await alice.CommandAsync($"/register alice {Password}")).Reply);
                await using var bob = await LineTestClient.ConnectAsync(first.Port);
                await bob.RegisterAsync("bob");
                // Pipelined: many commits in flight; the kill comes right after the last confirmation.
                for (var i = 0; i < count; i++)
                    await bob.SendAsync($"@alice:stored {i}");
                for (var i = 0; i < count; i++)
                    Assert.Equal("OK stored for alice (offline)", (await bob.ReplyAsync()).Line);
                first.Kill();
            }

            await using var second = await ParleyServerProcess.StartAsync(data, environment, null);
            await using var aliceAgain = await LineTestClient.ConnectAsync(second.Port);
            await aliceAgain.SendAsync($"/login alice {Password}");
            var (login, missed) = await aliceAgain.ReplyAsync();
            Assert.Equal($"OK logged in as alice; {count} stored messages delivered", login);
            Assert.Equal(Enumerable.Range(0, count).Select(i => $"stored {i}"), missed.Select(l => ServerLineParser.Parse(l).Text));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Parley_server_backup_on_postgres_writes_a_pg_dump_archive()
    {
        TestPrerequisites.Require("pg_dump");
        var database = await server.CreateDatabaseAsync();
        var file = Path.Combine(Path.GetTempPath(), "parley-backup-" + Guid.NewGuid().ToString("N") + ".dump");
        try
        {
            var settings = Settings(database);
            settings["Parley:DataDirectory"] = Path.GetTempPath();
            // An empty database: the backup neither opens nor migrates the store.
            var copied = await ParleyServer.BackupAsync(settings, file);

            Assert.Equal($"PostgreSQL database {database} at 127.0.0.1:{server.Port}", copied);
            Assert.True(new FileInfo(file).Length > 0);
        }
        finally
        {
            File.Delete(file);
            await server.DropDatabaseAsync(database);
        }
    }

    [Theory]
    [InlineData(null, "Parley:Storage:Postgres:ConnectionString is not set")]
    [InlineData("Host=127.0.0.1;Port=1;Database=parley;Username=parley;Timeout=2", "Parley:Storage:Postgres:ConnectionString: cannot open the PostgreSQL store at 127.0.0.1:1/parley")]
    public void A_bad_connection_string_stops_the_start_with_one_line_naming_the_setting(string? connectionString, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Parley:Host"] = "127.0.0.1",
            ["Parley:Port"] = ParleyTestServer.AnyFreePort,
            ["Parley:Tls:Port"] = "0",
            ["Parley:Irc:Port"] = "0",
            ["Parley:Irc:TlsPort"] = "0",
            ["Parley:Http:Port"] = "0",
            ["Parley:DataDirectory"] = ParleyTestServer.NewTemporaryDirectory(),
            ["Parley:Storage:Provider"] = "postgres",
            ["Parley:Storage:Postgres:ConnectionString"] = connectionString,
            ["Parley:Storage:Postgres:MaxRetries"] = "0",
        };
        try
        {
            var refused = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build(settings));
            Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', refused.Message);
        }
        finally
        {
            Directory.Delete(settings["Parley:DataDirectory"]!, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings(string database) => new()
    {
        ["Parley:Storage:Provider"] = "postgres",
        ["Parley:Storage:Postgres:ConnectionString"] = server.ConnectionString(database),
    };
}
