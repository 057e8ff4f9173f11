using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>setname and invite-notify over a raw IRC socket.</summary>
public sealed class IrcSetnameAndInviteNotifyTests
{
    [Fact]
    public async Task Setname_changes_the_real_name_for_the_client_and_its_channel_peers()
    {
        // ircv3.net/specs/extensions/setname: SETNAME :realname, echoed to the client and peers with the cap.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ClientWithAsync(server, "alice", "setname");
        await using var bob = await ClientWithAsync(server, "bob", "setname");
        await using var carol = await server.ConnectIrcAsAsync("carol");
        foreach (var client in new[] { alice, bob, carol })
        {
            await client.SendAsync("JOIN #dev");
            await client.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        }

        await alice.SendAsync("SETNAME :Alice Liddell");

        await alice.WaitForAsync(l => l == ":alice!u@parley SETNAME :Alice Liddell");
        await bob.WaitForAsync(l => l == ":alice!u@parley SETNAME :Alice Liddell");
        Assert.DoesNotContain(await carol.DrainAsync(), l => l.Contains("SETNAME", StringComparison.Ordinal));
        Assert.Equal("Alice Liddell", server.Hub.FindByNick("alice")!.RealName);
    }

    [Fact]
    public async Task Setname_without_the_capability_fails()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await server.ConnectIrcAsAsync("carol");

        await carol.SendAsync("SETNAME :New Name");

        await carol.ExpectAsync(":parley FAIL SETNAME INVALID_REALNAME :Realname is not valid");
    }

    [Fact]
    public async Task Invite_notify_tells_the_channel_ops()
    {
        // ircv3.net/specs/extensions/invite-notify: members with the cap (and the right to invite) see the INVITE.
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var alice = await ClientWithAsync(server, "alice", "invite-notify");
        await using var bob = await ClientWithAsync(server, "bob", "invite-notify");
        await using var dave = await server.ConnectIrcAsAsync("dave");
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await bob.SendAsync("JOIN #dev");
        await bob.WaitForAsync(l => IrcTestClient.IsNumeric(l, "366"));
        await alice.SendAsync("MODE #dev +o bob");
        await bob.WaitForAsync(l => l.EndsWith("MODE #dev +o bob", StringComparison.Ordinal));

        await bob.SendAsync("INVITE dave #dev");

        await dave.ExpectAsync(":bob!u@parley INVITE dave #dev");
        await alice.WaitForAsync(l => l == ":bob!u@parley INVITE dave #dev");
    }

    private static async Task<IrcTestClient> ClientWithAsync(ParleyTestServer server, string nick, string cap)
    {
        var client = await server.ConnectIrcAsync();
        await client.SendAsync($"CAP REQ :{cap}");
        await client.SendAsync("CAP END");
        await client.RegisterAsync(nick);
        return client;
    }
}
