using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>IRCv3 MONITOR (ircv3.net/specs/extensions/monitor): 730-734 and ISUPPORT MONITOR.</summary>
public sealed class IrcMonitorTests
{
    [Fact]
    public async Task Isupport_advertises_the_limit()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var irc = await server.ConnectIrcAsync();

        var burst = await irc.RegisterAsync("alice");

        Assert.Contains(burst, l => IrcTestClient.IsNumeric(l, "005") && l.Contains(" MONITOR=100 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_answers_with_status_and_presence_changes_are_told()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await alice.SendAsync("MONITOR + bob,carol");
        await alice.ExpectAsync(":parley 730 alice carol!u@parley", ":parley 731 alice bob");

        await using (var bob = await server.ConnectIrcAsAsync("bob"))
        {
            await alice.ExpectAsync(":parley 730 alice bob!u@parley");
            await bob.SendAsync("NICK robert");
            await alice.ExpectAsync(":parley 731 alice bob");
            await bob.SendAsync("NICK bob");
            await alice.ExpectAsync(":parley 730 alice bob!u@parley");
            await bob.SendAsync("QUIT :bye");
            await bob.ReadUntilClosedAsync();
        }

        await alice.ExpectAsync(":parley 731 alice bob");
    }

    [Fact]
    public async Task List_remove_clear_and_status()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("MONITOR + bob,carol,dave");
        await alice.ExpectAsync(":parley 731 alice bob,carol,dave");

        await alice.SendAsync("MONITOR - carol");
        await alice.SendAsync("MONITOR L");
        await alice.ExpectAsync(":parley 732 alice bob,dave", ":parley 733 alice :End of MONITOR list");
        await alice.SendAsync("MONITOR S");
        await alice.ExpectAsync(":parley 731 alice bob,dave");
        await alice.SendAsync("MONITOR C");
        await alice.SendAsync("MONITOR L");
        await alice.ExpectAsync(":parley 733 alice :End of MONITOR list");
    }

    [Fact]
    public async Task More_than_the_limit_answers_734_with_the_rest()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsAsync("alice");
        var nicks = string.Join(',', Enumerable.Range(0, 101).Select(i => $"n{i}"));

        await alice.SendAsync($"MONITOR + {nicks}");

        var (full, _) = await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "734"));
        Assert.Equal(":parley 734 alice 100 n100 :Monitor list is full.", full);
    }
}
