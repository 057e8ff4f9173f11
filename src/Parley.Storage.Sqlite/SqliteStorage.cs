using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Core.Accounts;
using Parley.Core.Messages;
using Parley.Core.Moderation;
using Parley.Core.ReadMarkers;
using Parley.Core.Rooms;
using Parley.Core.Storage;

namespace Parley.Storage.Sqlite;

/// <summary>The SQLite provider's registration: every store port over one <see cref="SqliteDatabase"/>.</summary>
public static class SqliteStorage
{
    /// <summary>
    /// Registers the SQLite store as singletons: <paramref name="options"/>, the
    /// <see cref="SqliteDatabase"/> (which owns the one writer; opened, and migrated, when first
    /// resolved) as <see cref="IStoreHealth"/> too, and over it <see cref="IAccountStore"/>,
    /// <see cref="ICertificateStore"/>, <see cref="IMessageStore"/>, <see cref="IRoomStore"/>,
    /// <see cref="IRoomHistory"/>, <see cref="IReadMarkerStore"/>, <see cref="IServerBanStore"/> and
    /// <see cref="IWebSessionStore"/>;
    /// and <see cref="IStoreBackup"/> (<see cref="SqliteBackup"/>, which never opens the database).
    /// Needs logging (<see cref="ILogger{T}"/>) from the container.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="options">Where the file is and how to commit; validated here.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <remarks>
    /// Resolving the database (any store port) throws <see cref="StoreUnavailableException"/> when
    /// the file cannot be opened or created, and <see cref="InvalidOperationException"/> when its
    /// schema is newer than this code.
    /// </remarks>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(provider => Open(options, provider.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddSingleton<IStoreHealth>(provider => provider.GetRequiredService<SqliteDatabase>());
        services.AddSingleton<IAccountStore, SqliteAccountStore>();
        services.AddSingleton<ICertificateStore, SqliteCertificateStore>();
        services.AddSingleton<IMessageStore, SqliteMessageStore>();
        services.AddSingleton<IRoomStore, SqliteRoomStore>();
        services.AddSingleton<IRoomHistory, SqliteRoomHistory>();
        services.AddSingleton<IReadMarkerStore, SqliteReadMarkerStore>();
        services.AddSingleton<IServerBanStore, SqliteServerBanStore>();
        services.AddSingleton<IWebSessionStore, SqliteWebSessionStore>();
        services.AddSingleton<IStoreBackup, SqliteBackup>();
        return services;
    }

    private static SqliteDatabase Open(SqliteStoreOptions options, ILogger<SqliteDatabase> logger)
    {
        try
        {
            return new SqliteDatabase(options, logger);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"cannot open {options.DatabasePath}: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }
}
