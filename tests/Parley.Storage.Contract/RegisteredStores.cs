using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;

namespace Parley.Storage.Contract;

/// <summary>
/// A <see cref="StoreInstance"/> resolved from a provider's own registration (its
/// <c>Add…Storage</c>), so the contract also proves that the registration provides every port.
/// Reopening disposes the container (which closes the store) and builds a new one from the same
/// registration.
/// </summary>
public sealed class RegisteredStores : StoreInstance
{
    private readonly Action<IServiceCollection> _register;
    private readonly Func<ValueTask> _deleteData;
    private readonly ServiceProvider _services;
    private bool _reopened;

    /// <summary>Builds the container; the store opens when a port is first resolved.</summary>
    /// <param name="register">Adds the provider's services, e.g. <c>s => s.AddSqliteStorage(options)</c>; logging is added before it.</param>
    /// <param name="deleteData">Deletes the data set once the last instance on it is disposed.</param>
    public RegisteredStores(Action<IServiceCollection> register, Func<ValueTask> deleteData)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(deleteData);
        _register = register;
        _deleteData = deleteData;
        var services = new ServiceCollection().AddLogging();
        register(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <inheritdoc />
    public override IAccountStore Accounts => _services.GetRequiredService<IAccountStore>();

    /// <inheritdoc />
    public override ICertificateStore Certificates => _services.GetRequiredService<ICertificateStore>();

    /// <inheritdoc />
    public override IMessageStore Messages => _services.GetRequiredService<IMessageStore>();

    /// <inheritdoc />
    public override IRoomStore Rooms => _services.GetRequiredService<IRoomStore>();

    /// <inheritdoc />
    public override IRoomHistory RoomHistory => _services.GetRequiredService<IRoomHistory>();

    /// <inheritdoc />
    public override IReadMarkerStore ReadMarkers => _services.GetRequiredService<IReadMarkerStore>();

    /// <inheritdoc />
    public override IServerBanStore ServerBans => _services.GetRequiredService<IServerBanStore>();

    /// <inheritdoc />
    public override IWebSessionStore WebSessions => _services.GetRequiredService<IWebSessionStore>();

    /// <inheritdoc />
    public override async Task<StoreInstance> ReopenAsync()
    {
        _reopened = true;
        await _services.DisposeAsync();
        return new RegisteredStores(_register, _deleteData);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        if (_reopened)
            return;
        await _services.DisposeAsync();
        await _deleteData();
    }
}
