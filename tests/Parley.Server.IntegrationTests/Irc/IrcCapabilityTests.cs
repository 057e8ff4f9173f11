using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>IRCv3: CAP negotiation, labeled-response with batch, echo-message, server-time.</summary>
public sealed class IrcCapabilityTests
{
    private const string AllCaps = "account-notify account-tag away-notify batch cap-notify chghost draft/account-registration draft/chathistory draft/event-playback draft/message-redaction draft/multiline draft/read-marker echo-message extended-join extended-monitor invite-notify labeled-response message-tags multi-prefix sasl server-time setname userhost-in-names";
    private const string AllCaps302 = "account-notify account-tag away-notify batch cap-notify chghost draft/account-registration draft/chathistory draft/event-playback draft/message-redaction draft/multiline=max-bytes=4096,max-lines=24 draft/read-marker echo-message extended-join extended-monitor invite-notify labeled-response message-tags multi-prefix sasl=PLAIN,EXTERNAL server-time setname userhost-in-names";

    [Fact]
    public async Task Cap_ls_302_lists_the_capabilities_with_values_and_holds_registration_until_end()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("CAP LS 302");
        await alice.SendAsync("NICK alice");
        await alice.SendAsync("USER u 0 * :A");
        await alice.ExpectAsync($":parley CAP * LS :{AllCaps302}");
        Assert.Empty(await alice.DrainAsync());

        await alice.SendAsync("CAP REQ :server-time echo-message");
        await alice.ExpectAsync(":parley CAP * ACK :server-time echo-message");
        await alice.SendAsync("CAP LIST");
        await alice.ExpectAsync(":parley CAP * LIST :cap-notify echo-message server-time");
        await alice.SendAsync("CAP END");

        await alice.ExpectAsync(":parley 001 alice :Welcome to the Parley IRC Network alice!u@parley");
    }

    [Fact]
    public async Task Cap_ls_without_version_does_not_enable_cap_notify()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("CAP LS");
        await alice.SendAsync("CAP LIST");

        await alice.ExpectAsync($":parley CAP * LS :{AllCaps}", ":parley CAP * LIST :");
    }

    [Theory]
    [InlineData("CAP REQ :server-time draft/unknown", ":parley CAP * NAK :server-time draft/unknown")]
    [InlineData("CAP REQ :away-status", ":parley CAP * NAK away-status")]
    [InlineData("CAP REQ :SERVER-TIME", ":parley CAP * NAK SERVER-TIME")]
    [InlineData("CAP REQ :-cap-notify", ":parley CAP * NAK -cap-notify")]
    [InlineData("CAP FROB", ":parley 410 * FROB :Invalid CAP command")]
    [InlineData("CAP", ":parley 461 * CAP :Not enough parameters")]
    public async Task Cap_request_for_something_not_offered_is_refused_whole(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP LS 302");
        await alice.ReadLineAsync();

        await alice.SendAsync(line);
        await alice.ExpectAsync(expected);
        await alice.SendAsync("CAP LIST");

        await alice.ExpectAsync(":parley CAP * LIST cap-notify");
    }

    [Fact]
    public async Task Cap_req_with_minus_disables_a_capability()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();

        await alice.SendAsync("CAP REQ :batch server-time");
        await alice.SendAsync("CAP REQ :-batch");
        await alice.SendAsync("CAP LIST");

        await alice.ExpectAsync(":parley CAP * ACK :batch server-time", ":parley CAP * ACK -batch", ":parley CAP * LIST server-time");
    }

    [Fact]
    public async Task Cap_after_registration_uses_the_nick_and_enables_at_once()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("CAP REQ :echo-message");
        await alice.SendAsync("CAP END");
        await alice.ExpectAsync(":parley CAP alice ACK echo-message");
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Labeled_command_with_one_reply_carries_the_label()
    {
        await using var client = await LabeledClientAsync();

        await client.Alice.SendAsync("@label=abc ISON bob nobody");

        await client.Alice.ExpectAsync("@label=abc :parley 303 alice bob");
    }

    [Fact]
    public async Task Labeled_command_with_several_replies_is_wrapped_in_a_labeled_response_batch()
    {
        await using var client = await LabeledClientAsync();

        await client.Alice.SendAsync("@label=w1 WHOIS bob");

        await client.Alice.ExpectAsync(
            "@label=w1 :parley BATCH +L1 labeled-response",
            "@batch=L1 :parley 311 alice bob u parley * :Real Name",
            "@batch=L1 :parley 312 alice bob parley :Parley chat server",
            "@batch=L1 :parley 318 alice bob :End of /WHOIS list",
            ":parley BATCH -L1");
    }

    [Fact]
    public async Task Labeled_command_without_reply_gets_ack()
    {
        await using var client = await LabeledClientAsync();

        await client.Alice.SendAsync("@label=p1 PONG :x");

        await client.Alice.ExpectAsync("@label=p1 :parley ACK");
    }

    [Fact]
    public async Task Label_without_labeled_response_capability_is_ignored()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("@label=abc ISON alice");

        await alice.ExpectAsync(":parley 303 alice alice");
    }

    [Fact]
    public async Task Labeled_privmsg_with_echo_message_echoes_with_label_and_time_and_recipient_gets_time_only()
    {
        await using var client = await LabeledClientAsync("echo-message server-time");

        await client.Alice.SendAsync("@label=m1;+draft/reply=x PRIVMSG bob :hello bob");

        var echo = await client.Alice.ReadLineAsync();
        var received = await client.Bob.WaitForAsync(l => l.Contains("PRIVMSG", StringComparison.Ordinal));
        Assert.Matches(@"^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z;label=m1 :alice!u@parley PRIVMSG bob :hello bob$", echo);
        Assert.Equal(":alice!u@parley PRIVMSG bob :hello bob", received.Line);
        Assert.Empty(await client.Alice.DrainAsync());
    }

    [Fact]
    public async Task Echo_message_returns_the_same_line_the_recipient_got()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await CapClientAsync(server, "alice", "echo-message server-time");
        await using var bob = await CapClientAsync(server, "bob", "server-time");

        await alice.SendAsync("PRIVMSG bob :same bytes");

        var echo = await alice.ReadLineAsync();
        var (received, _) = await bob.WaitForAsync(l => l.Contains("PRIVMSG", StringComparison.Ordinal));
        Assert.Equal(received, echo);
        Assert.Matches(@"^@time=\S+ :alice!u@parley PRIVMSG bob :same bytes$", echo);
    }

    [Fact]
    public async Task Server_time_tag_carries_the_message_time_in_utc_with_milliseconds()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bob = await CapClientAsync(server, "bob", "server-time");
        await using var alice = await server.ConnectAsAsync("alice");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await alice.SendAsync("@bob:what time is it");

        var (line, _) = await bob.WaitForAsync(l => l.Contains("PRIVMSG", StringComparison.Ordinal));
        Assert.Matches(@"^@time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z :alice!alice@parley PRIVMSG bob :what time is it$", line);
        var time = DateTimeOffset.Parse(line[6..line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        Assert.InRange(time, before, DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task Without_echo_message_the_sender_gets_nothing_back()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("PRIVMSG bob :hi");

        await bob.WaitForAsync(l => l == ":alice!u@parley PRIVMSG bob hi");
        Assert.Empty(await alice.DrainAsync());
    }

    private static async Task<IrcTestClient> CapClientAsync(ParleyTestServer server, string nick, string caps)
    {
        var client = await server.ConnectIrcAsync();
        await client.SendAsync("CAP LS 302");
        await client.SendAsync($"CAP REQ :{caps}");
        await client.SendAsync("CAP END");
        await client.RegisterAsync(nick);
        return client;
    }

    private static async Task<LabeledPair> LabeledClientAsync(string extraCaps = "")
    {
        var server = await ParleyTestServer.StartWithIrcAsync();
        var alice = await CapClientAsync(server, "alice", ("labeled-response batch " + extraCaps).Trim());
        var bob = await server.ConnectIrcAsAsync("bob");
        return new LabeledPair(server, alice, bob);
    }

    private sealed record LabeledPair(ParleyTestServer Server, IrcTestClient Alice, IrcTestClient Bob) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Alice.DisposeAsync();
            await Bob.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
