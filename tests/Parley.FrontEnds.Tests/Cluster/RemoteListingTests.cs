using Parley.Core.Cluster;
using Parley.Core.Rooms;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Cluster;

/// <summary>
/// What IRC and line users see of users and members on other nodes of a cluster: the replica a
/// cluster router keeps (<c>ChatHub.Directory</c>, <c>Room.RemoteMembers</c>; its upkeep across
/// nodes is tested in Parley.Cluster.RabbitMq.Tests, Rooms/), filled in here as a router would.
/// </summary>
public sealed class RemoteListingTests : IAsyncDisposable
{
    private const string OtherNode = "node-b";
    private readonly InMemoryFrontEnds _server = new();

    public RemoteListingTests()
    {
        // zoe is online on another node, signed in, away, and made #dev there (its op).
        _server.Hub.Directory.Set(new RemoteUser("zoe", "zz", "zoe.users.parley", "Zoe Zed") { Node = OtherNode, Account = "zoe", Away = "at lunch" });
        _server.Hub.Rooms.ApplyRemoteJoin(OtherNode, "#dev", "zoe", MemberRole.Op);
    }

    [Fact]
    public async Task Whois_of_a_user_on_another_node_answers_from_the_replica()
    {
        var alice = await _server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("WHOIS zoe");

        await alice.ExpectAsync(":parley 311 alice zoe zz zoe.users.parley * :Zoe Zed");
        await alice.ExpectAsync(":parley 319 alice zoe @#dev");
        await alice.ExpectAsync($":parley 312 alice zoe {OtherNode} :Parley chat server");
        await alice.ExpectAsync(":parley 330 alice zoe zoe :is logged in as");
        await alice.ExpectAsync(":parley 301 alice zoe :at lunch");
        await alice.ExpectAsync(":parley 318 alice zoe :End of /WHOIS list");
    }

    [Fact]
    public async Task Join_and_names_list_members_on_every_node_and_the_joiner_is_not_the_creator()
    {
        var alice = await _server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("JOIN #dev");

        var (_, before) = await alice.WaitForAsync(line => line.Contains(" 366 ", StringComparison.Ordinal));
        Assert.Contains(":parley 353 alice = #dev :@zoe alice", before);
        await alice.SendAsync("NAMES #dev");
        await alice.ExpectAsync(":parley 353 alice = #dev :@zoe alice");
    }

    [Fact]
    public async Task Who_of_a_room_and_of_a_nick_include_users_on_another_node()
    {
        var alice = await _server.ConnectIrcAsAsync("alice");
        await alice.SendAsync("JOIN #dev");
        await alice.WaitForAsync(line => line.Contains(" 366 ", StringComparison.Ordinal));

        await alice.SendAsync("WHO #dev");
        await alice.ExpectAsync(":parley 352 alice #dev u parley parley alice H :0 Real Name");
        await alice.ExpectAsync(":parley 352 alice #dev zz zoe.users.parley parley zoe G@ :0 Zoe Zed");
        await alice.ExpectAsync(":parley 315 alice #dev :End of WHO list");
        await alice.SendAsync("WHO zoe");
        await alice.ExpectAsync(":parley 352 alice * zz zoe.users.parley parley zoe G :0 Zoe Zed");
        await alice.ExpectAsync(":parley 315 alice zoe :End of WHO list");
    }

    [Fact]
    public async Task Lusers_and_ison_count_users_on_every_node()
    {
        var alice = await _server.ConnectIrcAsAsync("alice");

        await alice.SendAsync("LUSERS");
        await alice.ExpectAsync(":parley 251 alice :There are 2 users and 0 invisible on 2 servers");
        await alice.WaitForAsync(line => line.Contains(" 266 alice 2 ", StringComparison.Ordinal));
        await alice.SendAsync("ISON zoe nobody");
        await alice.ExpectAsync(":parley 303 alice zoe");
    }

    [Fact]
    public async Task Line_users_and_who_list_users_and_members_on_another_node()
    {
        var bob = await _server.ConnectLineAsAsync("bob");

        await bob.SendAsync("/users");
        await bob.ExpectAsync("USERS bob zoe");
        await bob.ExpectAsync("OK 2 users online");
        await bob.SendAsync("/who #dev");
        await bob.ExpectAsync("MEMBERS #dev @zoe");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
