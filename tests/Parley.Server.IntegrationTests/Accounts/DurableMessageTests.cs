using Microsoft.Extensions.DependencyInjection;
using Parley.Protocols.Line;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

public sealed class DurableMessageTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Dm_to_an_offline_account_is_stored_and_delivered_in_order_with_its_time_after_a_restart()
    {
        var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using (var bob = await server.ConnectAsAsync("bob"))
        {
            for (var i = 1; i <= 3; i++)
                Assert.Equal("OK stored for alice (offline)", (await bob.CommandAsync($"@alice:message {i}")).Reply);
        }

        await using var restarted = await server.RestartAsync();
        await using var alice = await restarted.ConnectAsync();
        await alice.SendAsync($"#alice {Password}");
        var (reply, before) = await alice.ReplyAsync();

        Assert.Equal("OK logged in as alice; 3 stored messages delivered", reply);
        var missed = before.Select(ServerLineParser.Parse).ToList();
        Assert.All(missed, m => Assert.Equal(ServerLineKind.Missed, m.Kind));
        Assert.Equal(["message 1", "message 2", "message 3"], missed.Select(m => m.Text));
        Assert.All(missed, m => Assert.Equal(("bob", "alice"), (m.From, m.To)));
        Assert.True(missed.Select(m => m.MessageId!.Value).SequenceEqual(missed.Select(m => m.MessageId!.Value).Order()));
        Assert.All(missed, m => Assert.InRange(m.Time!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow));

        await using var again = await restarted.ConnectAsync();
        Assert.Equal("OK logged in as alice", (await again.CommandAsync($"/login alice {Password}")).Reply);
    }

    [Fact]
    public async Task Dm_to_an_unknown_nick_is_still_an_error()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var bob = await server.ConnectAsAsync("bob");

        Assert.Equal("ERR NO_SUCH_NICK nobody is not online", (await bob.CommandAsync("@nobody:hello")).Reply);
        Assert.Equal("ERR NO_SUCH_NICK x');DROP is not online", (await bob.CommandAsync("/dm x');DROP hello")).Reply);
    }

    [Fact]
    public async Task More_waiting_messages_than_one_login_delivers_come_with_missed()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using (var bob = await server.ConnectAsAsync("bob"))
        {
            for (var i = 0; i < 205; i++)
                await bob.SendAsync($"@alice:m{i}");
            for (var i = 0; i < 205; i++)
                Assert.Equal("OK stored for alice (offline)", (await bob.ReplyAsync()).Line);
        }

        await using var alice = await server.ConnectAsync();
        await alice.SendAsync($"/login alice {Password}");
        var (login, first) = await alice.ReplyAsync();
        await alice.SendAsync("/missed");
        var (missed, rest) = await alice.ReplyAsync();

        Assert.Equal("OK logged in as alice; 200 stored messages delivered; 5 more waiting: /missed", login);
        Assert.Equal("OK 5 stored messages delivered", missed);
        Assert.Equal(Enumerable.Range(0, 205).Select(i => $"m{i}"), first.Concat(rest).Select(l => ServerLineParser.Parse(l).Text));
    }

    [Fact]
    public async Task History_shows_the_last_messages_with_a_nick_and_pages_back_with_the_hint()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectNewAccountAsync("bob", Password);
        await using var carol = await server.ConnectAsAsync("carol");
        for (var i = 0; i < 45; i++)
        {
            var (from, to) = i % 2 == 0 ? (alice, "bob") : (bob, "alice");
            await from.SendAsync($"/dm {to} m{i}");
            await carol.SendAsync($"/bm noise {i}");
        }

        await bob.SendAsync("/dm carol not with alice");
        // The senders first: once their commands are done, everything they sent alice is queued
        // ahead of her own drain's reply, so no late DM or broadcast lands inside a history page.
        await Task.WhenAll(bob.DrainAsync(), carol.DrainAsync());
        await alice.DrainAsync();

        var texts = new List<string>();
        var ids = new List<long>();
        var command = "/history bob";
        while (true)
        {
            await alice.SendAsync(command);
            var (reply, lines) = await alice.ReplyAsync();
            var page = lines.Select(ServerLineParser.Parse).ToList();
            Assert.All(page, l => Assert.Equal(ServerLineKind.History, l.Kind));
            texts.InsertRange(0, page.Select(l => l.Text));
            ids.InsertRange(0, page.Select(l => l.MessageId!.Value));
            if (!reply.Contains("older:", StringComparison.Ordinal))
            {
                Assert.Equal("OK 5 messages with bob", reply);
                break;
            }

            Assert.StartsWith("OK 20 messages with bob; older: /history bob 20 ", reply, StringComparison.Ordinal);
            command = reply[(reply.IndexOf("/history", StringComparison.Ordinal))..];
        }

        // Alice and Bob send concurrently, so ids interleave their messages in server order.
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"m{i}"), texts.OrderBy(t => int.Parse(t[1..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(45, ids.Distinct().Count());
    }

    [Fact]
    public async Task History_of_broadcasts_is_open_to_guests_and_direct_history_needs_a_login()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        for (var i = 0; i < 3; i++)
            await alice.CommandAsync($"hello {i}");

        await bob.SendAsync("/history * 2");
        var (reply, lines) = await bob.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));

        Assert.Equal("OK 2 broadcasts; older: /history * 2 2", reply);
        Assert.Equal(["hello 1", "hello 2"], lines.Where(l => l.StartsWith("HIST", StringComparison.Ordinal)).Select(l => ServerLineParser.Parse(l).Text));
        Assert.Matches(@"^HIST 3 \S+ alice -> \*: hello 2$", lines[^1]);
        Assert.Equal("ERR NOT_LOGGED_IN log in first with /login <nick> <password>", (await bob.CommandAsync("/history alice")).Reply);
    }

    [Theory]
    [InlineData("/history * 0")]
    [InlineData("/history * -1")]
    [InlineData("/history * ten")]
    [InlineData("/history * 5 abc")]
    [InlineData("/history * 5 6 7")]
    public async Task History_with_a_bad_count_or_id_is_refused(string line)
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectAsAsync("alice");

        Assert.Equal("ERR SYNTAX usage: /history #<room>|<nick>|* [n] [before-id]", (await alice.CommandAsync(line)).Reply);
    }

    [Fact]
    public async Task History_count_over_200_is_capped()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectAsAsync("alice");
        for (var i = 0; i < 205; i++)
            await alice.SendAsync($"/bm {i}");
        for (var i = 0; i < 205; i++)
            await alice.ReplyAsync();

        await alice.SendAsync("/history * 1000");
        var (reply, lines) = await alice.ReplyAsync();

        Assert.StartsWith("OK 200 broadcasts; older: /history * 200 ", reply, StringComparison.Ordinal);
        Assert.Equal(200, lines.Count);
    }

    [Fact]
    public async Task Backup_of_a_running_server_holds_every_confirmed_message()
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectAsAsync("alice");
        for (var i = 0; i < 10; i++)
            await alice.SendAsync($"/bm {i}");
        for (var i = 0; i < 10; i++)
            await alice.ReplyAsync();
        var file = Path.Combine(server.DataDirectory, "backup.db");

        var source = await server.Services.GetRequiredService<Parley.Core.Storage.IStoreBackup>().BackupAsync(file);

        await using var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM messages";
        Assert.Equal(10L, await command.ExecuteScalarAsync());
        Assert.Equal(Path.GetFullPath(Path.Combine(server.DataDirectory, "parley.db")), source);
        Assert.Equal("OK sent to 0 users", (await alice.CommandAsync("/bm still running")).Reply);
    }

    [Theory]
    [InlineData("'); DROP TABLE messages; --")]
    [InlineData("Robert'); DELETE FROM accounts WHERE ('1'='1")]
    [InlineData("$text @p :x ? %s \\ \" ` ✓ 🎉 -> *: HIST 1")]
    public async Task Sql_looking_text_is_stored_and_shown_in_history_verbatim(string text)
    {
        await using var server = await ParleyTestServer.StartAsync(ParleyTestServer.WithoutFloodControl.ToDictionary());
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await using var bob = await server.ConnectNewAccountAsync("bob", Password);

        Assert.Equal("OK delivered to bob", (await alice.CommandAsync($"/dm bob {text}")).Reply);
        await bob.SendAsync("/history alice");
        var (_, lines) = await bob.ReplyAsync();

        var line = ServerLineParser.Parse(lines.Single(l => l.StartsWith("HIST", StringComparison.Ordinal)));
        Assert.Equal((text, "alice", "bob"), (line.Text, line.From, line.To));
    }
}
