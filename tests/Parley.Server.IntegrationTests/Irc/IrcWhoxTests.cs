using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// WHOX (ircv3.net/specs/extensions/whox; modern.ircdocs.horse, RPL_WHOSPCRPL): ISUPPORT <c>WHOX</c>,
/// <c>WHO &lt;mask&gt; %&lt;fields&gt;[,&lt;token&gt;]</c> answered by 354 with exactly the fields asked for,
/// in the fixed order t c u i h s n f d l a o r, then 315.
/// </summary>
public sealed class IrcWhoxTests
{
    private const string Password = "correct-horse";

    // whox, "ISUPPORT token": WHOX without a value.
    [Fact]
    public async Task Isupport_advertises_WHOX()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        var burst = await irc.RegisterAsync("alice");

        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "005") && l.Contains(" WHOX ", StringComparison.Ordinal));
    }

    // whox, "With a token": the fields in the fixed order whatever order was asked; the account of
    // a logged-in user, 0 for a guest ("0 is used for [account] when the user is logged out").
    [Fact]
    public async Task Who_channel_with_fields_and_token_gives_354_in_the_fixed_order()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await IrcMessageTagTests.ConnectLoggedInAsync(server, "alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await bob.SendAsync("JOIN #dev");
        await bob.DrainAsync();

        await bob.SendAsync("WHO #dev %afnct,42");

        var (end, replies) = await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "315"));
        Assert.Equal(":parley 315 bob #dev :End of WHO list", end);
        Assert.Equal(
            [":parley 354 bob 42 #dev alice H@ alice", ":parley 354 bob 42 #dev bob H 0"],
            replies.Order(StringComparer.Ordinal));
    }

    // whox, "Without a token" (%cuhnar): user, host, nick, account and the real name last; the
    // IP is hidden (255.255.255.255) from a non-operator; hop count 0, no op level (n/a).
    [Fact]
    public async Task Who_nick_with_every_field_hides_the_address_from_non_operators()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsync();
        await bob.RegisterAsync("bob", user: "bobby", realName: "Bob Builder");

        await alice.SendAsync("WHO bob %tcuihsnfdlaor,7");

        Assert.Matches(@"^:parley 354 alice 7 \* bobby 255\.255\.255\.255 parley parley bob H 0 \d+ 0 n/a :Bob Builder$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 315 alice bob :End of WHO list");
    }

    // whox: an operator sees the IP; flags before % still apply (o: operators only); unknown
    // field letters are ignored ("Servers MUST ignore any non-standard field they don't support").
    [Fact]
    public async Task Who_mask_with_o_flag_and_fields_lists_operators_with_their_address()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });
        await (await server.ConnectNewAccountAsync("root", Password)).DisposeAsync();
        await using var root = await server.ConnectIrcAsAsync("admin");
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await root.SendAsync("OPER root " + Password);
        await root.DrainAsync();

        await root.SendAsync("WHO * o%nizq");
        await root.ExpectAsync(":parley 354 admin 127.0.0.1 admin", ":parley 315 admin * :End of WHO list");
        await alice.SendAsync("WHO * %n");
        var (_, nicks) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "315"));
        Assert.Equal([":parley 354 alice admin", ":parley 354 alice alice"], nicks.Order(StringComparer.Ordinal));
    }

    // Without % the reply stays RFC 2812's 352 (whox: "Servers MUST NOT send RPL_WHOREPLY" only for a WHOX request).
    [Fact]
    public async Task Who_without_percent_still_answers_352()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("WHO alice");

        await alice.ExpectAsync(":parley 352 alice * u parley parley alice H :0 Real Name", ":parley 315 alice alice :End of WHO list");
    }
}
