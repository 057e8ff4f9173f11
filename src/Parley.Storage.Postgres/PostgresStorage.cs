using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>The PostgreSQL provider's registration: every store port over one <see cref="PostgresDatabase"/>.</summary>
public static class PostgresStorage
{
    /// <summary>
    /// Registers the PostgreSQL store as singletons: <paramref name="options"/>, the
    /// <see cref="PostgresDatabase"/> (connected and migrated when first resolved) as
    /// <see cref="IStoreHealth"/> too, and over it <see cref="IAccountStore"/>,
    /// <see cref="ICertificateStore"/>, <see cref="IMessageStore"/>, <see cref="IRoomStore"/>,
    /// <see cref="IRoomHistory"/>, <see cref="IReadMarkerStore"/> and <see cref="IServerBanStore"/>;
    /// and <see cref="IStoreBackup"/> (<see cref="PostgresBackup"/>, pg_dump, which never opens the store).
    /// Needs logging (<see cref="ILogger{T}"/>) from the container.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Where to connect; validated here.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException">The options are invalid (the message names the key).</exception>
    /// <remarks>
    /// Resolving the database (any store port) throws <see cref="StoreUnavailableException"/> when
    /// PostgreSQL cannot be reached or refuses the login, and <see cref="InvalidOperationException"/>
    /// when its schema is newer than this code.
    /// </remarks>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(provider => new PostgresDatabase(options, provider.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.AddSingleton<IStoreHealth>(provider => provider.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IAccountStore, PostgresAccountStore>();
        services.AddSingleton<ICertificateStore, PostgresCertificateStore>();
        services.AddSingleton<IMessageStore, PostgresMessageStore>();
        services.AddSingleton<IRoomStore, PostgresRoomStore>();
        services.AddSingleton<IRoomHistory, PostgresRoomHistory>();
        services.AddSingleton<IReadMarkerStore, PostgresReadMarkerStore>();
        services.AddSingleton<IServerBanStore, PostgresServerBanStore>();
        services.AddSingleton<IWebSessionStore, PostgresWebSessionStore>();
        services.AddSingleton<IStoreBackup, PostgresBackup>();
        return services;
    }
}
