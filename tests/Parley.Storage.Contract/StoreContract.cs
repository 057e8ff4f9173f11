using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>
/// The base of every contract class: a fresh, empty <see cref="StoreInstance"/> per test, made by
/// the provider's <see cref="CreateStoreAsync"/> before it and disposed after it.
/// </summary>
/// <remarks>
/// A provider's test project derives one sealed class per contract and overrides
/// <see cref="CreateStoreAsync"/>. A provider whose data sets are costly (a PostgreSQL database)
/// takes an xUnit class fixture for the server or database in its derived class, and gives each
/// test its own schema (or database) from it, dropped when the instance is disposed.
/// </remarks>
public abstract class StoreContract : IAsyncLifetime
{
    /// <summary>An instant to store: whole milliseconds (what every store keeps), UTC.</summary>
    protected static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A canonical client-certificate fingerprint.</summary>
    protected const string Fingerprint = "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

    /// <summary>Another canonical fingerprint.</summary>
    protected const string Other = "SHA256:FFEEDDCCBBAA99887766554433221100FFEEDDCCBBAA99887766554433221100";

    private StoreInstance? _store;

    /// <summary>The stores under test; a new instance after <see cref="ReopenAsync"/>.</summary>
    protected StoreInstance Store => _store ?? throw new InvalidOperationException("the store is opened before each test");

    /// <summary>Opens stores over a new, empty data set of the provider's own (a file, a database, a schema).</summary>
    /// <returns>The open instance; the contract disposes it after the test.</returns>
    protected abstract Task<StoreInstance> CreateStoreAsync();

    /// <summary>Closes the stores and opens them again on the same data, as a server restart.</summary>
    /// <returns>A task that completes when the new instance is open.</returns>
    protected async Task ReopenAsync() => _store = await Store.ReopenAsync();

    /// <summary>Creates an account with a placeholder hash.</summary>
    /// <param name="nick">Its nick.</param>
    /// <returns>The account.</returns>
    protected async Task<Account> CreateAccountAsync(string nick) =>
        await Store.Accounts.CreateAsync(nick, "hash-" + nick, T0) ?? throw new InvalidOperationException($"{nick} exists already");

    /// <summary>A broadcast from a guest.</summary>
    protected static NewMessage Broadcast(string from, string text, DateTimeOffset sent) =>
        new(MessageKind.Broadcast, sent, from, null, null, null, text, Delivered: true);

    /// <summary>A registered room with a key, a topic and two bans, owned by account 7.</summary>
    protected static RegisteredRoom Room(string name) => new(
        name, 7, RoomModes.Keyed | RoomModes.TopicLocked, "sesame", new RoomTopic("ship it", "alice", T0),
        [new BanMask("spam*", "alice", T0), new BanMask("~mallory", "alice", T0.AddSeconds(1))], T0);

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_store is not null)
            await _store.DisposeAsync();
    }
}
