using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>
/// One open instance of a provider's stores over one data set (a file, a database, a schema), as
/// a server holds them. A port the provider does not implement throws
/// <see cref="NotSupportedException"/>; its contract is then not derived from.
/// </summary>
public abstract class StoreInstance : IAsyncDisposable
{
    /// <summary>The accounts.</summary>
    public virtual IAccountStore Accounts => throw NotImplementedHere(nameof(IAccountStore));

    /// <summary>The client certificates of accounts.</summary>
    public virtual ICertificateStore Certificates => throw NotImplementedHere(nameof(ICertificateStore));

    /// <summary>Direct messages and broadcasts.</summary>
    public virtual IMessageStore Messages => throw NotImplementedHere(nameof(IMessageStore));

    /// <summary>Registered rooms.</summary>
    public virtual IRoomStore Rooms => throw NotImplementedHere(nameof(IRoomStore));

    /// <summary>Room messages and events.</summary>
    public virtual IRoomHistory RoomHistory => throw NotImplementedHere(nameof(IRoomHistory));

    /// <summary>Read markers.</summary>
    public virtual IReadMarkerStore ReadMarkers => throw NotImplementedHere(nameof(IReadMarkerStore));

    /// <summary>Server-wide bans.</summary>
    public virtual IServerBanStore ServerBans => throw NotImplementedHere(nameof(IServerBanStore));

    /// <summary>The browsers' sign-in sessions.</summary>
    public virtual IWebSessionStore WebSessions => throw NotImplementedHere(nameof(IWebSessionStore));

    /// <summary>
    /// Closes this instance (as a server stopping: what was acknowledged is kept) and opens a new
    /// one on the same data (as a server starting again). This instance is disposed after it.
    /// </summary>
    /// <returns>The new instance; the caller disposes it.</returns>
    /// <exception cref="NotSupportedException">The stores keep nothing across instances (in memory).</exception>
    public abstract Task<StoreInstance> ReopenAsync();

    /// <summary>Closes the stores and deletes the data set (the file, the database or schema).</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public abstract ValueTask DisposeAsync();

    private NotSupportedException NotImplementedHere(string port) => new($"{GetType().Name} implements no {port}");
}
