using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>userhost-in-names and extended-join over a raw IRC socket.</summary>
public sealed class IrcNamesAndJoinCapabilityTests
{
    [Fact]
    public async Task Userhost_in_names_lists_full_masks_in_353()
    {
        // ircv3.net/specs/extensions/userhost-in-names: "nick!user@host" in RPL_NAMREPLY.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var bob = await server.ConnectIrcAsync();
        await bob.SendAsync("CAP REQ :userhost-in-names");
        await bob.SendAsync("CAP END");
        await bob.RegisterAsync("bob", user: "bobby");

        await bob.SendAsync("JOIN #dev");

        var (names, _) = await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "353"));
        Assert.Equal(":parley 353 bob = #dev @bob!bobby@parley", names);
    }

    [Fact]
    public async Task Extended_join_shows_account_and_real_name_to_members_and_the_joiner()
    {
        // ircv3.net/specs/extensions/extended-join: JOIN <channel> <account|*> :<realname>.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await server.ConnectIrcAsync();
        await alice.SendAsync("CAP REQ :extended-join");
        await alice.SendAsync("CAP END");
        await alice.RegisterAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.ExpectAsync(":alice!u@parley JOIN #dev * :Real Name");
        await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));

        await using var bob = await server.ConnectIrcAsync();
        await bob.SendAsync("NICK bob");
        await bob.SendAsync("USER bb 0 * :Bob Smith");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "422"));
        await bob.SendAsync("NS REGISTER correct-horse");
        await bob.WaitForAsync(l => l.Contains("registered;", StringComparison.Ordinal));
        await bob.SendAsync("JOIN #dev");
        await bob.ExpectAsync(":bob!bb@parley JOIN #dev");

        await alice.ExpectAsync(":bob!bb@parley JOIN #dev bob :Bob Smith");
    }
}
