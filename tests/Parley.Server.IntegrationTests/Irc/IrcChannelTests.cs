using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>Channels are rooms: JOIN, PART, TOPIC, NAMES, LIST, WHO, WHOIS 319, LUSERS, PRIVMSG to a channel.</summary>
public sealed class IrcChannelTests
{
    [Fact]
    public async Task Join_of_a_new_channel_gives_join_names_with_owner_prefix_and_end()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("JOIN #Dev");

        await alice.ExpectAsync(
            ":alice!u@parley JOIN #Dev",
            ":parley 353 alice = #Dev @alice",
            ":parley 366 alice #Dev :End of /NAMES list");
    }

    [Fact]
    public async Task Join_with_topic_gives_332_333_and_names_of_all_members_to_the_joiner_and_join_to_members()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.SendAsync("TOPIC #dev :release on friday");
        await alice.WaitForAsync(l => l == ":alice!u@parley TOPIC #dev :release on friday");

        await bob.SendAsync("JOIN #DEV");

        await bob.ExpectAsync(":bob!u@parley JOIN #dev", ":parley 332 bob #dev :release on friday");
        // modern.ircdocs.horse RPL_TOPICWHOTIME: the setter as nick!user@host where known (defect 9).
        Assert.Matches(@"^:parley 333 bob #dev alice!u@parley \d+$", await bob.ReadLineAsync());
        await bob.ExpectAsync(":parley 353 bob = #dev :@alice bob", ":parley 366 bob #dev :End of /NAMES list");
        await alice.ExpectAsync(":bob!u@parley JOIN #dev");
    }

    [Fact]
    public async Task Join_of_several_channels_with_keys_joins_each_and_refuses_the_wrong_key_with_475()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #a,#b");
        await alice.SendAsync("MODE #a +k sesame");
        await alice.SendAsync("MODE #b +k secret");
        await alice.WaitForAsync(l => l == ":alice!u@parley MODE #b +k secret");

        await bob.SendAsync("JOIN #a,#b sesame,wrong");

        await bob.ExpectAsync(
            ":bob!u@parley JOIN #a",
            ":parley 353 bob = #a :@alice bob",
            ":parley 366 bob #a :End of /NAMES list",
            ":parley 475 bob #b :Cannot join channel (+k)");
    }

    [Theory]
    [InlineData("JOIN bad", ":parley 403 alice bad :No such channel")]
    [InlineData("JOIN #with*star", ":parley 403 alice #with*star :No such channel")]
    [InlineData("JOIN", ":parley 461 alice JOIN :Not enough parameters")]
    [InlineData("PART #nowhere", ":parley 403 alice #nowhere :No such channel")]
    [InlineData("PART", ":parley 461 alice PART :Not enough parameters")]
    [InlineData("TOPIC #nowhere", ":parley 403 alice #nowhere :No such channel")]
    [InlineData("KICK #nowhere bob", ":parley 403 alice #nowhere :No such channel")]
    [InlineData("INVITE bob #nowhere", ":parley 403 alice #nowhere :No such channel")]
    public async Task Channel_command_with_a_bad_or_unknown_channel_gets_its_error(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync(line);

        Assert.Equal([expected], await alice.DrainAsync());
    }

    [Fact]
    public async Task Join_past_the_room_limit_gets_405()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Limits:MaxRoomsPerUser"] = "1" });
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #one");
        await alice.DrainAsync();

        await alice.SendAsync("JOIN #two");

        await alice.ExpectAsync(":parley 405 alice #two :You have joined too many channels");
    }

    [Fact]
    public async Task Join_of_a_full_room_gets_471()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Limits:MaxMembersPerRoom"] = "1" });
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #one");
        await alice.DrainAsync();

        await bob.SendAsync("JOIN #one");

        await bob.ExpectAsync(":parley 471 bob #one :Cannot join channel (+l)");
    }

    [Fact]
    public async Task Part_with_reason_tells_the_parter_and_members_and_part_again_gets_442()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
        await bob.DrainAsync();

        await bob.SendAsync("PART #DEV :see you");

        await bob.ExpectAsync(":bob!u@parley PART #dev :see you");
        await alice.ExpectAsync(":bob!u@parley PART #dev :see you");
        await bob.SendAsync("PART #dev");
        await bob.ExpectAsync(":parley 442 bob #dev :You're not on that channel");
    }

    [Fact]
    public async Task Join_zero_parts_every_channel()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #a,#b");
        await alice.DrainAsync();

        await alice.SendAsync("JOIN 0");

        var parts = await alice.DrainAsync();
        Assert.Equal([":alice!u@parley PART #a", ":alice!u@parley PART #b"], parts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Topic_query_and_set_and_clear_give_331_332_333_and_topic_lines()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
        await bob.DrainAsync();

        await alice.SendAsync("TOPIC #dev");
        await alice.ExpectAsync(":parley 331 alice #dev :No topic is set");
        await bob.SendAsync("TOPIC #dev :new topic");
        await bob.ExpectAsync(":bob!u@parley TOPIC #dev :new topic");
        await alice.ExpectAsync(":bob!u@parley TOPIC #dev :new topic");
        await alice.SendAsync("TOPIC #dev");
        await alice.ExpectAsync(":parley 332 alice #dev :new topic");
        Assert.Matches(@"^:parley 333 alice #dev bob!u@parley \d+$", await alice.ReadLineAsync());
        await alice.SendAsync("TOPIC #dev :");
        await alice.ExpectAsync(":alice!u@parley TOPIC #dev :");
        await bob.ExpectAsync(":alice!u@parley TOPIC #dev :");
    }

    [Fact]
    public async Task Topic_in_a_plus_t_channel_without_op_gets_482_and_outside_the_channel_442()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #dev");
        await alice.SendAsync("MODE #dev +t");
        await alice.WaitForAsync(l => l == ":alice!u@parley MODE #dev +t");
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();

        await bob.SendAsync("TOPIC #dev :mine");
        await bob.ExpectAsync(":parley 482 bob #dev :You're not channel operator");
        await carol.SendAsync("TOPIC #dev :mine");
        await carol.ExpectAsync(":parley 442 carol #dev :You're not on that channel");
    }

    [Fact]
    public async Task Names_shows_highest_prefix_and_with_multi_prefix_all_of_them()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsync();
        await carol.SendAsync("CAP REQ multi-prefix");
        await carol.SendAsync("CAP END");
        await carol.RegisterAsync("carol");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();
        await carol.SendAsync("JOIN #dev");
        await carol.DrainAsync();
        await alice.SendAsync("MODE #dev +v bob");
        await alice.SendAsync("MODE #dev +o bob");
        await alice.WaitForAsync(l => l == ":alice!u@parley MODE #dev +o bob");
        await carol.WaitForAsync(l => l == ":alice!u@parley MODE #dev +o bob");

        await alice.SendAsync("NAMES #dev");
        await alice.ExpectAsync(":parley 353 alice = #dev :@alice @bob carol", ":parley 366 alice #dev :End of /NAMES list");
        await carol.SendAsync("NAMES #dev");
        await carol.ExpectAsync(":parley 353 carol = #dev :@alice @+bob carol", ":parley 366 carol #dev :End of /NAMES list");
    }

    [Fact]
    public async Task Secret_channel_is_hidden_from_names_list_who_and_whois_of_non_members()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #hidden,#open");
        await alice.SendAsync("MODE #hidden +s");
        await alice.WaitForAsync(l => l == ":alice!u@parley MODE #hidden +s");
        await alice.DrainAsync();

        await alice.SendAsync("NAMES #hidden");
        await alice.ExpectAsync(":parley 353 alice @ #hidden @alice", ":parley 366 alice #hidden :End of /NAMES list");
        await bob.SendAsync("NAMES #hidden");
        await bob.ExpectAsync(":parley 366 bob #hidden :End of /NAMES list");
        await bob.SendAsync("LIST");
        await bob.ExpectAsync(":parley 322 bob #open 1 :", ":parley 323 bob :End of /LIST");
        await bob.SendAsync("WHO #hidden");
        await bob.ExpectAsync(":parley 315 bob #hidden :End of WHO list");
        await bob.SendAsync("WHOIS alice");
        await bob.ExpectAsync(":parley 311 bob alice u parley * :Real Name", ":parley 319 bob alice @#open");
        await alice.SendAsync("WHOIS alice");
        await alice.ExpectAsync(":parley 311 alice alice u parley * :Real Name", ":parley 319 alice alice :@#hidden @#open");
    }

    [Fact]
    public async Task List_shows_each_visible_channel_with_user_count_and_topic()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #b,#a");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #a");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #a");
        await alice.SendAsync("TOPIC #a :the a room");
        await alice.WaitForAsync(l => l.EndsWith("TOPIC #a :the a room", StringComparison.Ordinal));

        await bob.WaitForAsync(l => l == ":alice!u@parley TOPIC #a :the a room");

        await bob.SendAsync("LIST");

        await bob.ExpectAsync(":parley 322 bob #a 2 :the a room", ":parley 322 bob #b 1 :", ":parley 323 bob :End of /LIST");
        await bob.SendAsync("LIST #b");
        await bob.ExpectAsync(":parley 322 bob #b 1 :", ":parley 323 bob :End of /LIST");
    }

    [Fact]
    public async Task Who_of_a_channel_gives_352_with_here_away_and_prefix_flags_then_315()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsync();
        await bob.RegisterAsync("bob", "bobby", "Bob Builder");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.SendAsync("AWAY :lunch");
        await bob.DrainAsync();
        await alice.DrainAsync();

        await alice.SendAsync("WHO #dev");

        await alice.ExpectAsync(
            ":parley 352 alice #dev u parley parley alice H@ :0 Real Name",
            ":parley 352 alice #dev bobby parley parley bob G :0 Bob Builder",
            ":parley 315 alice #dev :End of WHO list");
        await alice.SendAsync("WHO bob");
        await alice.ExpectAsync(":parley 352 alice * bobby parley parley bob G :0 Bob Builder", ":parley 315 alice bob :End of WHO list");
    }

    [Fact]
    public async Task Lusers_counts_channels()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #a,#b");
        await alice.DrainAsync();

        await alice.SendAsync("LUSERS");

        var (line, _) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "254"));
        Assert.Equal(":parley 254 alice 2 :channels formed", line);
    }

    [Fact]
    public async Task Privmsg_to_a_channel_reaches_the_other_members_only_and_is_echoed_with_echo_message()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP REQ echo-message");
        await alice.SendAsync("CAP END");
        await alice.RegisterAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #dev");
        await bob.DrainAsync();

        await alice.SendAsync("PRIVMSG #DEV :hello room");

        await alice.ExpectAsync(":alice!u@parley PRIVMSG #dev :hello room");
        await bob.ExpectAsync(":alice!u@parley PRIVMSG #dev :hello room");
        await bob.SendAsync("PRIVMSG #dev :hi alice");
        await alice.ExpectAsync(":bob!u@parley PRIVMSG #dev :hi alice");
        Assert.Empty(await bob.DrainAsync());
        Assert.Empty(await carol.DrainAsync());
    }

    [Fact]
    public async Task Privmsg_to_a_channel_is_stored_in_the_room_history()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var line = await server.ConnectAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.SendAsync("PRIVMSG #dev :for the record");
        await alice.DrainAsync();

        var before = await line.JoinAsync("#dev");

        Assert.Contains(before, l => l.StartsWith("HIST ", StringComparison.Ordinal) && l.EndsWith("alice -> #dev: for the record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Privmsg_to_a_channel_one_is_not_on_gets_404()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();

        await bob.SendAsync("PRIVMSG #dev :let me in");
        await bob.SendAsync("NOTICE #dev :quietly");

        Assert.Equal([":parley 404 bob #dev :Cannot send to channel"], await bob.DrainAsync());
        Assert.Empty(await alice.DrainAsync());
    }

    [Fact]
    // RFC 2812 §3.3.2: a NOTICE to a channel reaches its members as a NOTICE.
    public async Task Notice_to_a_channel_reaches_irc_members_as_a_notice_and_line_members_as_a_room_message()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await using var line = await server.ConnectAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await carol.SendAsync("JOIN #dev");
        await carol.DrainAsync();
        await line.JoinAsync("#dev");

        await alice.SendAsync("NOTICE #dev :heads up");

        await line.WaitForAsync(l => l == "RM #dev alice: heads up");
        await carol.WaitForAsync(l => l == ":alice!u@parley NOTICE #dev :heads up");
    }

    [Fact]
    public async Task Who_flags_a_server_operator_with_a_star()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await using (var created = await server.ConnectNewAccountAsync("root", "correct-horse"))
        {
            await created.JoinAsync("#ops");
            await using var alice = await server.ConnectIrcAsAsync("alice");

            await alice.SendAsync("WHO #ops");

            await alice.ExpectAsync(":parley 352 alice #ops root parley parley root H*@ :0 root", ":parley 315 alice #ops :End of WHO list");
        }
    }
}
