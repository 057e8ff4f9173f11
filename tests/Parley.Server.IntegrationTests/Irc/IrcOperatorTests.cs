using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>
/// Operators and server queries: OPER, KILL, WALLOPS, INFO, TIME, VERSION, ADMIN, STATS, WHOWAS
/// (modern.ircdocs.horse, "Operator Messages" and "Server Queries and Commands"; RFC 2812 §3.4, §3.6.3, §3.7).
/// </summary>
public sealed class IrcOperatorTests
{
    private const string Password = "correct-horse";

    private static Task<ParleyTestServer> StartWithOperatorAsync() =>
        ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "root" });

    private static async Task CreateAccountAsync(ParleyTestServer server, string nick) =>
        await (await server.ConnectNewAccountAsync(nick, Password)).DisposeAsync();

    // modern.ircdocs.horse, OPER: RPL_YOUREOPER (381) and the user mode +o; 464 for a bad
    // password, 491 for a name that is not an operator.
    [Fact]
    public async Task Oper_with_an_operator_accounts_password_gives_381_and_plus_o_and_keeps_the_nick()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await CreateAccountAsync(server, "alice");
        await using var guest = await server.ConnectIrcAsAsync("helper");

        await guest.SendAsync("OPER root wrong-password");
        await guest.ExpectAsync(":parley 464 helper :Password incorrect");
        await guest.SendAsync("OPER alice " + Password);
        await guest.ExpectAsync(":parley 491 helper :No O-lines for your host");
        await guest.SendAsync("OPER root " + Password);
        await guest.ExpectAsync(":parley 381 helper :You are now an IRC operator", ":helper!u@parley MODE helper +o");
        await guest.SendAsync("MODE helper");
        await guest.ExpectAsync(":parley 221 helper +o");
    }

    // modern.ircdocs.horse, OPER; Parley: logged in to the operator account, no password is needed.
    [Fact]
    public async Task Oper_without_a_password_works_when_logged_in_to_the_operator_account()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var root = await server.ConnectIrcAsync();
        await root.SendAsync("PASS " + Password);
        await root.RegisterAsync("root");
        await using var guest = await server.ConnectIrcAsAsync("helper");

        await root.SendAsync("OPER root");
        await guest.SendAsync("OPER root");

        await root.ExpectAsync(":parley 381 root :You are now an IRC operator");
        await guest.ExpectAsync(":parley 464 helper :Password incorrect");
    }

    // modern.ircdocs.horse, KILL: operators only (481); the victim's connection closes and users
    // sharing a channel see it quit.
    [Fact]
    public async Task Kill_by_an_operator_disconnects_the_user_and_others_get_481()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var oper = await server.ConnectIrcAsAsync("helper");
        await using var victim = await server.ConnectIrcAsAsync("spammer");
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.DrainAsync();
        await victim.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => l == ":spammer!u@parley JOIN #dev");

        await alice.SendAsync("KILL spammer :go");
        await alice.ExpectAsync(":parley 481 alice :Permission Denied- You're not an IRC operator");
        await oper.SendAsync("OPER root " + Password);
        await oper.DrainAsync();
        await oper.SendAsync("KILL nobody :go");
        await oper.ExpectAsync(":parley 401 helper nobody :No such nick/channel");
        await oper.SendAsync("KILL spammer :go away");

        await victim.WaitForAsync(l => l == "ERROR :Closing Link: spammer[parley] (killed by helper: go away)");
        await alice.WaitForAsync(l => l == ":spammer!u@parley QUIT :killed by helper: go away");
    }

    // modern.ircdocs.horse, WALLOPS: from an operator to users with user mode +w.
    [Fact]
    public async Task Wallops_reaches_users_with_plus_w_only()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var oper = await server.ConnectIrcAsAsync("helper");
        await using var watcher = await server.ConnectIrcAsAsync("watcher");
        await using var other = await server.ConnectIrcAsAsync("other");
        await watcher.SendAsync("MODE watcher +w");
        await watcher.ExpectAsync(":watcher!u@parley MODE watcher +w");

        await other.SendAsync("WALLOPS :hi");
        await other.ExpectAsync(":parley 481 other :Permission Denied- You're not an IRC operator");
        await oper.SendAsync("OPER root " + Password);
        await oper.DrainAsync();
        await oper.SendAsync("WALLOPS :maintenance at noon");

        await watcher.ExpectAsync(":helper!u@parley WALLOPS :maintenance at noon");
        Assert.Empty(await other.DrainAsync());
    }

    // modern.ircdocs.horse, TIME (391), VERSION (351 then 005), ADMIN (256-259), INFO (371, 374).
    [Fact]
    public async Task Server_queries_answer_with_their_numerics()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync(new Dictionary<string, string?> { ["Parley:Irc:AdminContact"] = "ops@example.org" });
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("TIME");
        Assert.Matches(@"^:parley 391 alice parley \d+ 0 :\w+ \w+ \d+ \d{4} -- \d\d:\d\d:\d\d UTC$", await alice.ReadLineAsync());
        await alice.SendAsync("VERSION");
        await alice.ExpectAsync(":parley 351 alice parley-0.1.0 parley :Parley IRC front-end (docs/irc.md)");
        Assert.StartsWith(":parley 005 alice AWAYLEN=390 ", await alice.ReadLineAsync(), StringComparison.Ordinal);
        await alice.DrainAsync();
        await alice.SendAsync("ADMIN");
        await alice.ExpectAsync(
            ":parley 256 alice parley :Administrative info",
            ":parley 257 alice :The Parley network",
            ":parley 258 alice :parley, running parley-0.1.0",
            ":parley 259 alice ops@example.org");
        await alice.SendAsync("INFO");
        var (end, info) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "374"));
        Assert.Equal(":parley 374 alice :End of INFO list", end);
        Assert.All(info, l => Assert.StartsWith(":parley 371 alice :", l, StringComparison.Ordinal));
        await alice.SendAsync("TIME other.server");
        await alice.ExpectAsync(":parley 402 alice other.server :No such server");
    }

    // modern.ircdocs.horse, STATS: u (242) for anyone, o (243) for operators, each ending in 219.
    [Fact]
    public async Task Stats_u_gives_the_uptime_and_o_lists_operators_to_operators_only()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("STATS u");
        Assert.Matches(@"^:parley 242 alice :Server Up 0 days \d+:\d\d:\d\d$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 219 alice u :End of /STATS report");
        await alice.SendAsync("STATS o");
        await alice.ExpectAsync(":parley 481 alice :Permission Denied- You're not an IRC operator");
        await alice.SendAsync("OPER root " + Password);
        await alice.DrainAsync();
        await alice.SendAsync("STATS o");
        await alice.ExpectAsync(":parley 243 alice O * * root", ":parley 219 alice o :End of /STATS report");
        await alice.SendAsync("STATS x");
        await alice.ExpectAsync(":parley 219 alice x :End of /STATS report");
    }

    // modern.ircdocs.horse, STATS: m is RPL_STATSCOMMANDS (212) "<command> <count>" per command
    // used, for operators (481 otherwise), ending in 219.
    [Fact]
    public async Task Stats_m_counts_each_command_for_operators_only()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("STATS m");
        await alice.ExpectAsync(":parley 481 alice :Permission Denied- You're not an IRC operator");
        await alice.SendAsync("OPER root " + Password);
        await alice.SendAsync("TIME");
        await alice.SendAsync("TIME");
        await alice.DrainAsync();
        await alice.SendAsync("STATS m");

        var (end, counts) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "219"));
        Assert.Equal(":parley 219 alice m :End of /STATS report", end);
        Assert.Contains(":parley 212 alice TIME 2", counts);
        Assert.Contains(":parley 212 alice OPER 1", counts);
        // alice registered with NICK over IRC; the line user root did not use IRC commands.
        Assert.Contains(":parley 212 alice NICK 1", counts);
        Assert.DoesNotContain(counts, l => l.Contains(" 212 alice WALLOPS ", StringComparison.Ordinal));
        Assert.Equal(counts.Order(StringComparer.Ordinal), counts);
    }

    // RFC 2812 §4.2 and modern.ircdocs.horse, REHASH: 481 for a non-operator; an operator's
    // reload answers 382 RPL_REHASHING with the configuration file.
    [Fact]
    public async Task Rehash_is_for_operators_and_answers_382()
    {
        await using var server = await StartWithOperatorAsync();
        await CreateAccountAsync(server, "root");
        await using var alice = await server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("REHASH");
        await alice.ExpectAsync(":parley 481 alice :Permission Denied- You're not an IRC operator");
        await alice.SendAsync("OPER root " + Password);
        await alice.DrainAsync();
        await alice.SendAsync("REHASH");

        Assert.StartsWith(":parley 382 alice parley.json :Rehashing: ", await alice.ReadLineAsync(), StringComparison.Ordinal);
    }

    // RFC 2812 §3.6.3 and modern.ircdocs.horse, WHOWAS: 314 and 312 per past use, 369; 406 for none.
    [Fact]
    public async Task Whowas_lists_nicks_that_left_newest_first_and_406_for_unknown_ones()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using (var bob = await server.ConnectIrcAsync())
        {
            await bob.RegisterAsync("bob", user: "bobby", realName: "Bob Builder");
            await bob.SendAsync("NICK robert");
            await bob.DrainAsync();
            await bob.SendAsync("QUIT");
            await bob.WaitForAsync(l => l.StartsWith("ERROR", StringComparison.Ordinal));
        }

        await alice.SendAsync("WHOWAS bob");
        await alice.ExpectAsync(":parley 314 alice bob bobby parley * :Bob Builder");
        Assert.Matches(@"^:parley 312 alice bob parley \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", await alice.ReadLineAsync());
        await alice.ExpectAsync(":parley 369 alice bob :End of WHOWAS");
        await alice.SendAsync("WHOWAS nobody");
        await alice.ExpectAsync(":parley 406 alice nobody :There was no such nickname", ":parley 369 alice nobody :End of WHOWAS");
    }
}
