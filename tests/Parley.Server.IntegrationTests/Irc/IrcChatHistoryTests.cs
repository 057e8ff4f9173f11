using System.Text.RegularExpressions;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// draft/chathistory over the real SQLite stores: direct messages with a nick (also after a
/// restart), room history for members, paging with msgid and timestamp references, batches and
/// the FAIL replies.
/// </summary>
public sealed partial class IrcChatHistoryTests
{
    private const string Password = "correct-horse";
    private const string Time = @"time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z";
    private const string Caps = "batch server-time message-tags draft/chathistory";

    [Fact]
    public async Task Chathistory_latest_after_a_restart_returns_the_direct_messages_in_a_batch_with_times()
    {
        var first = await ParleyTestServer.StartWithIrcAsync();
        await using (var alice = await IrcMessageTagTests.ConnectLoggedInAsync(first, "alice"))
        await using (var bob = await first.ConnectIrcAsAsync("bob"))
        {
            await alice.SendAsync("PRIVMSG bob :hello bob");
            await bob.WaitForAsync(l => l.EndsWith("hello bob", StringComparison.Ordinal));
            await bob.SendAsync("PRIVMSG alice :hello alice");
            await alice.WaitForAsync(l => l.EndsWith("hello alice", StringComparison.Ordinal));
        }

        await using var second = await first.RestartAsync();
        await using var again = await ConnectLoggedInAsync(second, "alice", Caps);

        await again.SendAsync("CHATHISTORY LATEST bob * 10");

        var start = await again.ReadLineAsync();
        var id = Regex.Match(start, @"^:parley BATCH \+(\S+) chathistory bob$").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Matches($@"^@{Time};account=alice;msgid=\d+;batch={id} :alice!alice@parley PRIVMSG bob :hello bob$", await again.ReadLineAsync());
        Assert.Matches($@"^@{Time};msgid=\d+;batch={id} :bob!bob@parley PRIVMSG alice :hello alice$", await again.ReadLineAsync());
        await again.ExpectAsync($":parley BATCH -{id}");
    }

    [Fact]
    public async Task Chathistory_before_a_msgid_pages_back()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        for (var i = 1; i <= 5; i++)
            await bob.SendAsync($"PRIVMSG alice :message {i}");
        await alice.WaitForAsync(l => l.EndsWith("message 5", StringComparison.Ordinal));

        await alice.SendAsync("CHATHISTORY LATEST bob * 2");
        var latest = await ReadBatchAsync(alice);
        await alice.SendAsync($"CHATHISTORY BEFORE bob msgid={MsgId(latest[0])} 2");
        var before = await ReadBatchAsync(alice);

        Assert.Equal(["message 4", "message 5"], latest.Select(Text));
        Assert.Equal(["message 2", "message 3"], before.Select(Text));
    }

    [Fact]
    public async Task Chathistory_after_and_between_find_the_messages_after_a_reference()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", Caps);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        for (var i = 1; i <= 5; i++)
            await bob.SendAsync($"PRIVMSG alice :message {i}");
        await alice.WaitForAsync(l => l.EndsWith("message 5", StringComparison.Ordinal));
        await alice.SendAsync("CHATHISTORY LATEST bob * 5");
        var all = await ReadBatchAsync(alice);

        await alice.SendAsync($"CHATHISTORY AFTER bob msgid={MsgId(all[1])} 2");
        var after = await ReadBatchAsync(alice);
        await alice.SendAsync($"CHATHISTORY BETWEEN bob msgid={MsgId(all[4])} msgid={MsgId(all[0])} 2");
        var between = await ReadBatchAsync(alice);
        await alice.SendAsync("CHATHISTORY AFTER bob timestamp=2000-01-01T00:00:00.000Z 1");
        var oldest = await ReadBatchAsync(alice);

        Assert.Equal(["message 3", "message 4"], after.Select(Text));
        Assert.Equal(["message 3", "message 4"], between.Select(Text));
        Assert.Equal(["message 1"], oldest.Select(Text));
    }

    [Fact]
    public async Task Chathistory_of_a_room_plays_back_its_messages_to_a_member()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await server.ConnectIrcAsync();
        await carol.SendAsync("CAP REQ :" + Caps);
        await carol.ReadLineAsync();
        await carol.SendAsync("CAP END");
        await carol.RegisterAsync("carol");
        var session = Assert.Single(server.Hub.FindSessions("carol"));
        await server.Hub.Rooms.JoinAsync(session, "#dev", key: null);
        await using var dave = await server.ConnectAsAsync("dave");
        await dave.JoinAsync("#dev");
        await dave.CommandAsync("/say #dev shipping it");
        // Channels are rooms: carol, a member, sees dave's JOIN and the message live first.
        await carol.WaitForAsync(l => l.EndsWith(" PRIVMSG #dev :shipping it", StringComparison.Ordinal));

        await carol.SendAsync("CHATHISTORY LATEST #dev * 10");

        var start = await carol.ReadLineAsync();
        var id = Regex.Match(start, @"^:parley BATCH \+(\S+) chathistory #dev$").Groups[1].Value;
        Assert.Matches($@"^@{Time};msgid=\d+;batch={id} :dave!dave@parley PRIVMSG #dev :shipping it$", await carol.ReadLineAsync());
        await carol.ExpectAsync($":parley BATCH -{id}");
    }

    [Fact]
    public async Task Chathistory_without_batch_sends_the_messages_alone_with_their_time()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", null);
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("PRIVMSG alice :hi there");
        await alice.WaitForAsync(l => l.EndsWith("hi there", StringComparison.Ordinal));

        await alice.SendAsync("CHATHISTORY LATEST bob * 10");

        Assert.Matches($"^@{Time} :bob!bob@parley PRIVMSG alice :hi there$", await alice.ReadLineAsync());
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Labeled_chathistory_nests_its_batch_in_the_labeled_response_batch()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice", Caps + " labeled-response");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("PRIVMSG alice :hi there");
        await alice.WaitForAsync(l => l.EndsWith("hi there", StringComparison.Ordinal));

        await alice.SendAsync("@label=q1 CHATHISTORY LATEST bob * 10");

        await alice.ExpectAsync(
            "@label=q1 :parley BATCH +L2 labeled-response",
            "@batch=L2 :parley BATCH +H1 chathistory bob");
        Assert.Matches($@"^@{Time};msgid=\d+;batch=H1 :bob!bob@parley PRIVMSG alice :hi there$", await alice.ReadLineAsync());
        await alice.ExpectAsync("@batch=L2 :parley BATCH -H1", ":parley BATCH -L2");
    }

    [Theory]
    [InlineData("CHATHISTORY TARGETS msgid=1 timestamp=2030-01-01T00:00:00Z 10", ":parley FAIL CHATHISTORY INVALID_PARAMS TARGETS :Invalid parameters")]
    [InlineData("CHATHISTORY TARGETS timestamp=2030-01-01T00:00:00Z 10", ":parley FAIL CHATHISTORY NEED_MORE_PARAMS TARGETS :Insufficient parameters")]
    [InlineData("CHATHISTORY FOO bob * 10", ":parley FAIL CHATHISTORY INVALID_PARAMS FOO :Unknown or unsupported subcommand")]
    [InlineData("CHATHISTORY LATEST bob", ":parley FAIL CHATHISTORY NEED_MORE_PARAMS LATEST :Insufficient parameters")]
    [InlineData("CHATHISTORY LATEST bob * 0", ":parley FAIL CHATHISTORY INVALID_PARAMS LATEST :Invalid parameters")]
    [InlineData("CHATHISTORY BEFORE bob * 10", ":parley FAIL CHATHISTORY INVALID_PARAMS BEFORE :Invalid parameters")]
    [InlineData("CHATHISTORY BEFORE bob msgid=nonsense 10", ":parley FAIL CHATHISTORY INVALID_PARAMS BEFORE :Invalid parameters")]
    [InlineData("CHATHISTORY LATEST bad[nick] * 10", ":parley FAIL CHATHISTORY INVALID_TARGET LATEST bad[nick] :Messages could not be retrieved")]
    [InlineData("CHATHISTORY LATEST #nowhere * 10", ":parley FAIL CHATHISTORY INVALID_TARGET LATEST #nowhere :Messages could not be retrieved")]
    [InlineData("CHATHISTORY LATEST bob * 10", ":parley FAIL CHATHISTORY INVALID_TARGET LATEST bob :Log in to an account to read direct message history")]
    public async Task Chathistory_errors_are_fail_replies(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var guest = await server.ConnectIrcAsAsync("guest");

        await guest.SendAsync(line);

        await guest.ExpectAsync(expected);
    }

    internal static async Task<IrcTestClient> ConnectLoggedInAsync(ParleyTestServer server, string nick, string? caps)
    {
        var client = await server.ConnectIrcAsync();
        if (caps is not null)
        {
            await client.SendAsync("CAP REQ :" + caps);
            await client.WaitForAsync(l => l.Contains(" ACK ", StringComparison.Ordinal));
        }

        await client.SendAsync("AUTHENTICATE PLAIN");
        var (reply, _) = await client.WaitForAsync(l => l.StartsWith("AUTHENTICATE", StringComparison.Ordinal) || l.Contains(" 904 ", StringComparison.Ordinal));
        Assert.Equal("AUTHENTICATE +", reply);
        await client.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", nick, Password));
        var (result, _) = await client.WaitForAsync(l => l.Contains(" 903 ", StringComparison.Ordinal) || l.Contains(" 904 ", StringComparison.Ordinal));
        if (result.Contains(" 904 ", StringComparison.Ordinal))
        {
            // No account yet: make one over the line protocol, then log in again.
            await using (var line = await server.ConnectNewAccountAsync(nick, Password))
            {
            }

            await client.SendAsync("AUTHENTICATE PLAIN");
            await client.ExpectAsync("AUTHENTICATE +");
            await client.SendAsync("AUTHENTICATE " + IrcSaslTests.Plain("", nick, Password));
            await client.WaitForAsync(l => l.Contains(" 903 ", StringComparison.Ordinal));
        }

        if (caps is not null)
            await client.SendAsync("CAP END");
        await client.RegisterAsync(nick);
        return client;
    }

    internal static async Task<List<string>> ReadBatchAsync(IrcTestClient client)
    {
        var start = await client.ReadLineAsync();
        Assert.Contains(" BATCH +", start, StringComparison.Ordinal);
        var lines = new List<string>();
        while (await client.ReadLineAsync() is var line && !line.Contains(" BATCH -", StringComparison.Ordinal))
            lines.Add(line);
        return lines;
    }

    private static string MsgId(string line) => MsgIdPattern().Match(line).Groups[1].Value;

    private static string Text(string line) => line[(line.IndexOf(" :", line.IndexOf(" PRIVMSG ", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..];

    [GeneratedRegex(@"msgid=([^;\s]+)")]
    private static partial Regex MsgIdPattern();
}
