using System.Diagnostics.CodeAnalysis;
using Parley.Core.Accounts;
using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Core.Tests;

/// <summary>
/// Nicks a cluster's nick space holds on other nodes (claims that are not the hub's holders): the
/// hub routes to them by name, stores the message as delivered, and answers as for a local user.
/// </summary>
public sealed class ElsewhereRoutingTests
{
    private readonly MemoryAccountStore _accounts = new();
    private readonly MemoryMessageStore _messages = new();
    private readonly SpaceWithElsewhere _claims = new();
    private readonly RecordingRouter _router = new(new InProcessEventRouter());

    [Fact]
    public async Task A_direct_message_to_a_guest_on_another_node_is_routed_by_nick_and_stored_as_delivered()
    {
        var hub = CreateHub();
        _claims.AddElsewhere("bob", accountId: null);
        var carol = hub.Connect(new RecordingSink(), "127.0.0.1:1");
        hub.Register(carol, "carol");

        var sent = await hub.SendDirectAsync(carol, "BOB", "hi");

        Assert.Equal(ChatError.None, sent.Error);
        Assert.True(sent.Delivered);
        Assert.Equal("bob", sent.Recipient);
        var routed = Assert.Single(_router.Published, p => p.Event is DirectMessageEvent);
        Assert.Equal((AudienceKind.Nick, "bob"), (routed.Kind, routed.Nick));
    }

    [Fact]
    public async Task A_direct_message_to_an_account_signed_in_only_elsewhere_is_routed_to_the_account_not_stored_as_waiting()
    {
        var hub = CreateHub();
        var alice = (await _accounts.CreateAsync("alice", "hash", DateTimeOffset.UtcNow))!;
        _claims.AddElsewhere("alice", alice.Id);
        var carol = hub.Connect(new RecordingSink(), "127.0.0.1:1");
        hub.Register(carol, "carol");

        var sent = await hub.SendDirectAsync(carol, "alice", "hi");

        Assert.True(sent.Delivered);
        var routed = Assert.Single(_router.Published, p => p.Event is DirectMessageEvent);
        Assert.Equal(AudienceKind.Account, routed.Kind);
        Assert.Empty(await _messages.GetUndeliveredAsync(alice.Id, 10));
        // A notice reaches it too (a notice to an account offline everywhere is refused).
        Assert.True((await hub.SendDirectAsync(carol, "alice", "ping", notice: true)).Delivered);
    }

    [Fact]
    public async Task A_guest_cannot_take_a_nick_held_elsewhere_but_its_account_signs_in_beside_it()
    {
        var hub = CreateHub();
        var alice = (await _accounts.CreateAsync("alice", "hash", DateTimeOffset.UtcNow))!;
        _claims.AddElsewhere("alice", alice.Id);
        _claims.AddElsewhere("bob", accountId: null);

        Assert.Equal(ChatError.NickTaken, hub.Register(hub.Connect(new RecordingSink(), "127.0.0.1:1"), "bob"));
        var device = hub.Connect(new RecordingSink(), "127.0.0.1:2");
        var signedIn = await hub.SignInAsync(device, alice);

        Assert.Equal(ChatError.None, signedIn.Error);
        Assert.Same(device, hub.FindByNick("alice"));
    }

    [Fact]
    public async Task Tags_reach_a_nick_elsewhere_and_a_dead_nodes_users_drop_for_those_who_see_presence()
    {
        var hub = CreateHub();
        _claims.AddElsewhere("bob", accountId: null);
        var sink = new RecordingSink();
        var carol = hub.Connect(sink, "127.0.0.1:1");
        hub.Register(carol, "carol");

        var tags = hub.SendTags(carol, "bob", [new("+typing", "active")]);
        hub.AnnounceDeparted(["bob"], "node a timed out");

        Assert.True(tags.Delivered);
        Assert.Contains(_router.Published, p => p.Event is TagMessageEvent && p.Kind == AudienceKind.Nick && p.Nick == "bob");
        var left = Assert.Single(sink.Events.OfType<UserLeftEvent>());
        Assert.Equal(("bob", "node a timed out"), (left.Nick, left.Reason));
    }

    private ChatHub CreateHub() =>
        new(_accounts, _messages, new AccountOptions(), new RoomOptions(), new RoomLimits(), new InMemoryRoomStore(), new InMemoryRoomHistory(),
            OperatorPolicy.None, TimeProvider.System, new ClusterPorts { NickClaims = _claims })
        {
            Router = _router,
        };

    // The in-process nick space plus claims "held on another node", granted to the same account as a shared store does.
    private sealed class SpaceWithElsewhere : INickClaims
    {
        private readonly InProcessNickClaims _local = new();
        private readonly Dictionary<string, NickClaim> _elsewhere = new(NickRules.Comparer);

        public void AddElsewhere(string nick, long? accountId) => _elsewhere[nick] = new Elsewhere(nick, accountId);

        public bool TryFind(string nick, [NotNullWhen(true)] out NickClaim? claim) =>
            _local.TryFind(nick, out claim) || _elsewhere.TryGetValue(nick, out claim);

        public NickClaim? FindElsewhere(long accountId) => _elsewhere.Values.FirstOrDefault(c => c.AccountId == accountId);

        public ValueTask<bool> TryClaimAsync(NickClaim claim) =>
            _elsewhere.TryGetValue(claim.Nick, out var held) && (held.AccountId is null || held.AccountId != claim.AccountId)
                ? ValueTask.FromResult(false)
                : _local.TryClaimAsync(claim);

        public ValueTask<bool> TryReplaceAsync(NickClaim current, NickClaim claim) => _local.TryReplaceAsync(current, claim);

        public bool Release(NickClaim claim) => _local.Release(claim);

        public IEnumerator<KeyValuePair<string, NickClaim>> GetEnumerator() => _local.Concat(_elsewhere).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class Elsewhere(string nick, long? accountId) : NickClaim(nick, accountId, accountId is null ? null : nick);
}
