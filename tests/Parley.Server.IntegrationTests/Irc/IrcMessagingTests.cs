using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>PRIVMSG and NOTICE between IRC users and with line-protocol users.</summary>
public sealed class IrcMessagingTests
{
    [Fact]
    public async Task Privmsg_between_irc_users_arrives_with_the_full_sender_mask()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("PRIVMSG BOB :hello there, bob");

        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :hello there, bob");
    }

    [Fact]
    public async Task Irc_and_line_users_direct_message_each_other()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");

        await irc.SendAsync("PRIVMSG bob :hi from irc ✓");
        await line.WaitForAsync(l => l == "DM alice: hi from irc ✓");
        await line.SendAsync("@alice:hi from the line protocol");

        await irc.ExpectAsync(":bob!bob@parley PRIVMSG alice :hi from the line protocol");
        await line.ExpectAsync("OK delivered to alice");
    }

    [Fact]
    public async Task Irc_action_and_formatting_reach_line_users_as_an_action_and_plain_text_and_irc_users_unchanged()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var ircPeer = await server.ConnectIrcAsAsync("dave");
        await using var line = await server.ConnectAsAsync("bob");
        await line.JoinAsync("#dev");
        await irc.SendAsync("JOIN #dev");
        await line.WaitForAsync(l => l == "ROOM #dev alice joined");

        await irc.SendAsync("PRIVMSG bob :\u0001ACTION waves\u0001");
        await line.WaitForAsync(l => l == "DM alice: * alice waves");
        await irc.SendAsync("PRIVMSG bob :\u0002bold\u0002 \u000304,12red\u0003 \u001ditalic\u000f plain");
        await line.WaitForAsync(l => l == "DM alice: bold red italic plain");
        await irc.SendAsync("PRIVMSG #dev :\u0001ACTION nods\u0001");
        await line.WaitForAsync(l => l == "RM #dev alice: * alice nods");
        await irc.SendAsync("PRIVMSG dave :\u0001ACTION waves\u0001");
        await ircPeer.WaitForAsync(l => l == ":alice!u@parley PRIVMSG dave :\u0001ACTION waves\u0001");
    }

    [Fact]
    public async Task Notice_to_a_line_user_arrives_as_a_direct_message()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");

        await irc.SendAsync("NOTICE bob :a notice");

        await line.WaitForAsync(l => l == "DM alice: a notice");
    }

    [Fact]
    public async Task Notice_between_irc_users_stays_a_notice()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("NOTICE bob :psst");

        await bob.ExpectAsync(":alice!u@parley NOTICE bob psst");
    }

    [Theory]
    [InlineData("PRIVMSG", ":parley 411 alice :No recipient given (PRIVMSG)")]
    [InlineData("PRIVMSG bob", ":parley 412 alice :No text to send")]
    [InlineData("PRIVMSG bob :", ":parley 412 alice :No text to send")]
    [InlineData("PRIVMSG nobody :hi", ":parley 401 alice nobody :No such nick/channel")]
    [InlineData("PRIVMSG #room :hi", ":parley 403 alice #room :No such channel")]
    [InlineData("PRIVMSG a,b,c,d,e :hi", ":parley 401 alice a :No such nick/channel")]
    public async Task Privmsg_that_cannot_be_delivered_gets_its_error_numeric(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync(line);

        await alice.ExpectAsync(expected);
    }

    [Fact]
    public async Task Privmsg_to_more_than_four_targets_delivers_four_and_refuses_the_rest_with_407()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");

        await alice.SendAsync("PRIVMSG bob,x1,x2,x3,x4 :hi all");

        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :hi all");
        Assert.Equal(
            [
                ":parley 401 alice x1 :No such nick/channel",
                ":parley 401 alice x2 :No such nick/channel",
                ":parley 401 alice x3 :No such nick/channel",
                ":parley 407 alice x4 :Too many targets",
            ],
            await alice.DrainAsync());
    }

    [Theory]
    [InlineData("NOTICE")]
    [InlineData("NOTICE bob")]
    [InlineData("NOTICE nobody :hi")]
    [InlineData("NOTICE #room :hi")]
    public async Task Notice_never_gets_an_error_reply(string line)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync(line);

        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Privmsg_to_an_away_user_is_delivered_and_answered_with_301_but_notice_is_not()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("AWAY :out for lunch");
        await bob.ExpectAsync(":parley 306 bob :You have been marked as being away");

        await alice.SendAsync("PRIVMSG bob :are you there?");
        await alice.SendAsync("NOTICE bob :fyi");

        await alice.ExpectAsync(":parley 301 alice bob :out for lunch");
        Assert.Empty(await alice.DrainAsync());
        await bob.ExpectAsync(":alice!u@parley PRIVMSG bob :are you there?", ":alice!u@parley NOTICE bob fyi");
    }

    [Fact]
    public async Task Line_user_broadcast_reaches_irc_users_as_a_notice_to_all()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var line = await server.ConnectAsAsync("carol");

        await line.SendAsync("/bm hello everyone");

        await alice.ExpectAsync(":carol!carol@parley NOTICE $* :hello everyone");
        await bob.ExpectAsync(":carol!carol@parley NOTICE $* :hello everyone");
        await line.WaitForAsync(l => l == "OK sent to 2 users");
    }

    [Fact]
    public async Task Irc_users_do_not_see_joins_quits_or_nick_changes_of_others_without_a_shared_channel()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using (var line = await server.ConnectAsAsync("carol"))
        {
            await line.SendAsync("/nick carol2");
            await line.WaitForAsync(l => l.StartsWith("OK", StringComparison.Ordinal));
            await line.SendAsync("/quit");
            await line.ReadUntilClosedAsync();
        }

        await using var bob = await server.ConnectIrcAsAsync("bob");
        await bob.SendAsync("QUIT");
        await bob.ReadUntilClosedAsync();

        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    public async Task Long_line_protocol_message_is_split_for_irc_at_utf8_boundaries_and_joins_back()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");
        // 3,000 bytes of multi-byte characters without spaces: the splitter must cut between characters.
        var text = string.Concat(Enumerable.Repeat("é€😀", 3000 / 9));

        await line.SendAsync($"@alice:{text}");

        var pieces = await ReadPiecesAsync(irc, text.Length);

        Assert.True(pieces.Count >= 6);
        Assert.All(pieces, p => Assert.DoesNotContain('\uFFFD', p));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public async Task Long_message_with_spaces_is_split_at_spaces()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");
        var words = Enumerable.Range(0, 200).Select(i => $"word{i}").ToArray();

        await line.SendAsync($"@alice:{string.Join(' ', words)}");

        var text = string.Join(' ', words);
        var pieces = await ReadPiecesAsync(irc, text.Length - 2);

        Assert.Equal(4, pieces.Count); // 1,489 bytes of text, at most 479 per line after the 31-byte prefix
        Assert.Equal(text, string.Join(' ', pieces));
        Assert.All(pieces, p => Assert.Matches("^word[0-9]+( word[0-9]+)*$", p));
    }

    // Reads PRIVMSG lines from bob until at least `length` characters of text came; checks each fits 512 bytes.
    private static async Task<List<string>> ReadPiecesAsync(IrcTestClient irc, int length)
    {
        const string Prefix = ":bob!bob@parley PRIVMSG alice ";
        var pieces = new List<string>();
        var received = 0;
        while (received < length)
        {
            var got = await irc.ReadLineAsync();
            Assert.StartsWith(Prefix, got, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(got) + 2 <= 512, $"line of {Encoding.UTF8.GetByteCount(got) + 2} bytes");
            var piece = got[Prefix.Length..];
            piece = piece.StartsWith(':') ? piece[1..] : piece;
            pieces.Add(piece);
            received += piece.Length + 1;
        }

        return pieces;
    }

    [Fact]
    public async Task Control_characters_from_irc_reach_line_users_replaced_and_formatting_codes_stripped()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");

        await irc.SendAsync("PRIVMSG bob :\u0002bold\u0002 \u001b[31mred \u0001ACTION waves\u0001");

        await line.WaitForAsync(l => l == "DM alice: bold \uFFFD[31mred ACTION waves");
    }

    [Fact]
    // IRCv3 echo-message: a message to oneself is both echoed and delivered (two lines, as Ergo sends).
    public async Task Privmsg_to_oneself_with_echo_message_gives_the_echo_and_the_delivery()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP REQ echo-message");
        await alice.SendAsync("CAP END");
        await alice.RegisterAsync("alice");

        await alice.SendAsync("PRIVMSG alice :note to self");

        Assert.Equal([":alice!u@parley PRIVMSG alice :note to self", ":alice!u@parley PRIVMSG alice :note to self"], await alice.DrainAsync());
    }
}
