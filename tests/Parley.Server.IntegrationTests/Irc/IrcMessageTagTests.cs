using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// IRCv3 tags on messages: account-tag, message-tags with msgid and relayed client-only tags,
/// TAGMSG, and every combination of tag capabilities getting the right tags.
/// </summary>
public sealed class IrcMessageTagTests
{
    private const string Password = "correct-horse";
    private const string Time = @"time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z";

    [Fact]
    public async Task Message_from_a_logged_in_user_carries_its_account_to_account_tag_clients()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "account-tag");

        await alice.SendAsync("PRIVMSG bob :hi there");

        await bob.ExpectAsync("@account=alice :alice!u@parley PRIVMSG bob :hi there");
    }

    [Fact]
    public async Task Message_from_a_guest_has_no_account_tag()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "account-tag");

        await carol.SendAsync("PRIVMSG bob :hi there");

        await bob.ExpectAsync(":carol!u@parley PRIVMSG bob :hi there");
    }

    [Fact]
    public async Task Account_tag_with_server_time_gets_both_tags()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "account-tag server-time");

        await alice.SendAsync("PRIVMSG bob :hi there");

        Assert.Matches($"^@{Time};account=alice :alice!u@parley PRIVMSG bob :hi there$", await bob.ReadLineAsync());
    }

    [Fact]
    public async Task Message_tags_client_gets_time_account_msgid_and_the_senders_client_tags()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectLoggedInAsync(server, "alice");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "message-tags");
        await using var plain = await server.ConnectIrcAsAsync("dave");

        await alice.SendAsync("@+draft/reply=42;+example=a\\sb PRIVMSG bob,dave :hi there");

        Assert.Matches($@"^@{Time};account=alice;msgid=\d+;\+draft/reply=42;\+example=a\\sb :alice!u@parley PRIVMSG bob :hi there$", await bob.ReadLineAsync());
        await plain.ExpectAsync(":alice!u@parley PRIVMSG dave :hi there");
    }

    [Fact]
    public async Task Msgid_is_the_stored_id_and_differs_per_message()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "message-tags");

        await alice.SendAsync("PRIVMSG bob :one");
        await alice.SendAsync("PRIVMSG bob :two");

        var first = MsgId(await bob.ReadLineAsync());
        var second = MsgId(await bob.ReadLineAsync());
        Assert.True(second > first);
    }

    [Fact]
    public async Task Tagmsg_relays_client_tags_to_message_tags_clients_only_and_echoes_them()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectWithCapsAsync(server, "alice", "message-tags echo-message");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "message-tags");
        await using var dave = await server.ConnectIrcAsAsync("dave");

        await alice.SendAsync("@+typing=active TAGMSG bob");
        await alice.SendAsync("@+typing=active TAGMSG dave");

        var relayed = await bob.ReadLineAsync();
        Assert.Matches($@"^@{Time};msgid=t[0-9a-f]{{32}};\+typing=active :alice!u@parley TAGMSG bob$", relayed);
        var echo = await alice.ReadLineAsync();
        Assert.Equal(relayed, echo);
        Assert.Matches(@"TAGMSG dave$", await alice.ReadLineAsync());
        Assert.Empty(await dave.DrainAsync());
    }

    [Fact]
    public async Task Tagmsg_to_a_nick_not_online_gets_401_and_to_a_channel_403()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectWithCapsAsync(server, "alice", "message-tags");

        await alice.SendAsync("@+typing=active TAGMSG nobody");
        await alice.SendAsync("@+typing=active TAGMSG #dev");

        await alice.ExpectAsync(
            ":parley 401 alice nobody :No such nick/channel",
            ":parley 403 alice #dev :No such channel");
    }

    [Fact]
    public async Task Labeled_echo_carries_the_same_tags_as_the_recipients_copy()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ConnectWithCapsAsync(server, "alice", "message-tags echo-message labeled-response batch");
        await using var bob = await ConnectWithCapsAsync(server, "bob", "message-tags");

        await alice.SendAsync("@label=x1;+example=1 PRIVMSG bob :hi there");

        var received = await bob.ReadLineAsync();
        var echo = await alice.ReadLineAsync();
        Assert.Contains(";label=x1 ", echo, StringComparison.Ordinal);
        Assert.Equal(received, echo.Replace(";label=x1", "", StringComparison.Ordinal));
    }

    private static long MsgId(string line) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(line, @"msgid=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    internal static async Task<IrcTestClient> ConnectWithCapsAsync(ParleyTestServer server, string nick, string caps)
    {
        var client = await server.ConnectIrcAsync();
        await client.SendAsync("CAP REQ :" + caps);
        await client.WaitForAsync(l => l.Contains(" ACK ", StringComparison.Ordinal));
        await client.SendAsync("CAP END");
        await client.RegisterAsync(nick);
        return client;
    }

    // An account made over the line protocol (that device logs out), then PASS over IRC.
    internal static async Task<IrcTestClient> ConnectLoggedInAsync(ParleyTestServer server, string nick, string? caps = null)
    {
        await using (var line = await server.ConnectNewAccountAsync(nick, Password))
        {
            await line.SendAsync("/logout");
            await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
        }

        var client = await server.ConnectIrcAsync();
        if (caps is not null)
        {
            await client.SendAsync("CAP REQ :" + caps);
            await client.WaitForAsync(l => l.Contains(" ACK ", StringComparison.Ordinal));
            await client.SendAsync("CAP END");
        }

        await client.SendAsync($"PASS {Password}");
        await client.RegisterAsync(nick);
        return client;
    }
}
