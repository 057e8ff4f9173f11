using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>HELP/HELPOP (modern.ircdocs.horse "HELP message": 704, 705, 706, 524) and LIST's ELIST filters.</summary>
public sealed class IrcHelpAndListTests
{
    [Fact]
    public async Task Help_on_a_command_is_704_705_706()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("HELP join");

        await irc.ExpectAsync(
            ":parley 704 alice JOIN JOIN",
            ":parley 705 alice JOIN :JOIN <#channel>[,...] [key,...] - join channels (creating them)",
            ":parley 706 alice JOIN :End of /HELP");
    }

    [Fact]
    public async Task Helpop_index_and_unknown_subject()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsAsync("alice");

        await irc.SendAsync("HELPOP");
        var (start, _) = await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "704"));
        Assert.StartsWith(":parley 704 alice * :", start, StringComparison.Ordinal);
        await irc.WaitForAsync(l => IrcTestClient.IsNumeric(l, "706"));
        await irc.SendAsync("HELP FROB");
        await irc.ExpectAsync(":parley 524 alice FROB :No help available on this topic");
    }

    [Fact]
    public async Task List_filters_by_mask_negation_and_user_count()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var bob = await server.ConnectIrcAsAsync("bob");
        foreach (var channel in new[] { "#dev", "#devops", "#fun" })
        {
            await alice.SendAsync($"JOIN {channel}");
            await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        }

        await bob.SendAsync("JOIN #devops");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await alice.WaitForAsync(l => l == ":bob!u@parley JOIN #devops");

        await alice.SendAsync("LIST #dev*");
        await alice.ExpectAsync(":parley 322 alice #dev 1 :", ":parley 322 alice #devops 2 :", ":parley 323 alice :End of /LIST");
        await alice.SendAsync("LIST !#dev*");
        await alice.ExpectAsync(":parley 322 alice #fun 1 :", ":parley 323 alice :End of /LIST");
        await alice.SendAsync("LIST >1");
        await alice.ExpectAsync(":parley 322 alice #devops 2 :", ":parley 323 alice :End of /LIST");
        await alice.SendAsync("LIST #dev*,<2");
        await alice.ExpectAsync(":parley 322 alice #dev 1 :", ":parley 323 alice :End of /LIST");
    }
}
