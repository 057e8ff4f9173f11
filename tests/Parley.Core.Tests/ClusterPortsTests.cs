using System.Diagnostics.CodeAnalysis;
using Parley.Core.Cluster;
using Parley.Core.Presence;

namespace Parley.Core.Tests;

/// <summary>The hub takes its ids, nick claims and account gates from the ports it is given.</summary>
public sealed class ClusterPortsTests
{
    private readonly MemoryAccountStore _accounts = new();

    [Fact]
    public async Task Session_and_room_message_ids_come_from_the_id_allocator()
    {
        var ids = new NodeIds();
        var hub = TestHubs.Create(accounts: _accounts, ports: new ClusterPorts { Ids = ids });

        var alice = hub.Connect(new RecordingSink(), "127.0.0.1:1");
        hub.Register(alice, "alice");
        await hub.Rooms.JoinAsync(alice, "#dev", key: null);
        var said = await hub.Rooms.SayAsync(alice, "#dev", "hello");

        Assert.Equal(7_000_001, alice.Id);
        Assert.Equal(ids.LastRoomMessageId, said.Message!.Id);
        Assert.InRange(said.Message.Id, 9_000_001, 9_000_009);
    }

    [Fact]
    public async Task A_nick_the_claims_refuse_is_taken_and_a_leaving_guest_releases_its_own()
    {
        var claims = new ElsewhereClaims("bob");
        var hub = TestHubs.Create(accounts: _accounts, ports: new ClusterPorts { NickClaims = claims });
        var session = hub.Connect(new RecordingSink(), "127.0.0.1:1");

        Assert.Equal(ChatError.NickTaken, await hub.RegisterGuestAsync(session, "bob"));
        Assert.Equal(ChatError.None, await hub.RegisterGuestAsync(session, "carol"));
        Assert.Equal(ChatError.None, await hub.RegisterGuestAsync(session, "Carol"));
        hub.Quit(session, reason: null);

        Assert.Equal(["claim carol", "replace Carol", "release Carol"], claims.Calls);
        Assert.False(claims.TryFind("carol", out _));
    }

    [Fact]
    public async Task A_sign_in_and_a_direct_message_to_the_account_each_hold_its_gate()
    {
        var gates = new RecordingGates();
        var hub = TestHubs.Create(accounts: _accounts, ports: new ClusterPorts { AccountGates = gates });
        var account = (await _accounts.CreateAsync("dana", "hash", DateTimeOffset.UtcNow))!;
        var guest = hub.Connect(new RecordingSink(), "127.0.0.1:1");
        hub.Register(guest, "erin");

        await hub.SendDirectAsync(guest, "dana", "while you were out");
        var signedIn = await hub.SignInAsync(hub.Connect(new RecordingSink(), "127.0.0.1:2"), account);

        Assert.Equal(1, signedIn.Delivered);
        Assert.Equal([$"enter {account.Id}", $"release {account.Id}", $"enter {account.Id}", $"release {account.Id}"], gates.Calls);
    }

    private sealed class NodeIds : IIdAllocator
    {
        private long _session = 7_000_000;
        private long _message = 9_000_000;

        public long LastRoomMessageId => Volatile.Read(ref _message);

        public long NextSessionId() => Interlocked.Increment(ref _session);

        public long NextRoomMessageId() => Interlocked.Increment(ref _message);
    }

    // The nick space with `elsewhere` held on another node: refused here, as a shared store would.
    private sealed class ElsewhereClaims(string elsewhere) : INickClaims
    {
        private readonly InProcessNickClaims _local = new();

        public List<string> Calls { get; } = [];

        public bool TryFind(string nick, [NotNullWhen(true)] out NickClaim? claim) => _local.TryFind(nick, out claim);

        public ValueTask<bool> TryClaimAsync(NickClaim claim)
        {
            if (NickRules.Comparer.Equals(claim.Nick, elsewhere))
                return ValueTask.FromResult(false);
            Calls.Add($"claim {claim.Nick}");
            return _local.TryClaimAsync(claim);
        }

        public ValueTask<bool> TryReplaceAsync(NickClaim current, NickClaim claim)
        {
            Calls.Add($"replace {claim.Nick}");
            return _local.TryReplaceAsync(current, claim);
        }

        public bool Release(NickClaim claim)
        {
            Calls.Add($"release {claim.Nick}");
            return _local.Release(claim);
        }

        public IEnumerator<KeyValuePair<string, NickClaim>> GetEnumerator() => _local.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class RecordingGates : IAccountGates
    {
        private readonly InProcessAccountGates _gates = new();

        public List<string> Calls { get; } = [];

        public async ValueTask EnterAsync(long accountId, CancellationToken cancellationToken)
        {
            await _gates.EnterAsync(accountId, cancellationToken);
            lock (Calls)
                Calls.Add($"enter {accountId}");
        }

        public void Release(long accountId)
        {
            lock (Calls)
                Calls.Add($"release {accountId}");
            _gates.Release(accountId);
        }
    }
}
