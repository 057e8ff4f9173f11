using Microsoft.Extensions.DependencyInjection;
using Parley.Core.Storage;

namespace Parley.Server.Hosting;

/// <summary><c>parley-server backup FILE</c>: through the configured provider's <see cref="IStoreBackup"/>.</summary>
public static partial class ParleyServer
{
    /// <summary>
    /// Copies the store to <paramref name="destination"/> through the <see cref="IStoreBackup"/>
    /// that the configured storage provider (<c>Parley:Storage:Provider</c>) registers, without
    /// starting a server (it may run beside a live one).
    /// </summary>
    /// <param name="overrides">Configuration keys and their values, as for <see cref="Build"/>.</param>
    /// <param name="destination">The backup file to create.</param>
    /// <param name="configureServices">Runs after the provider's registration, to replace some of it (tests).</param>
    /// <param name="cancellationToken">Cancels the copy where the provider can.</param>
    /// <returns>What was copied (for SQLite, the database file).</returns>
    /// <exception cref="ArgumentException">The configuration holds an invalid value.</exception>
    /// <exception cref="NotSupportedException">The provider has no backup.</exception>
    /// <exception cref="IOException">The copy could not be made (see <see cref="IStoreBackup.BackupAsync"/>).</exception>
    public static async Task<string> BackupAsync(
        IEnumerable<KeyValuePair<string, string?>> overrides,
        string destination,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var configuration = LoadConfiguration(overrides);
        var options = ReadOptions(configuration);
        var services = new ServiceCollection().AddLogging();
        StorageProviders.Read(configuration, options)(services);
        configureServices?.Invoke(services);
        await using var provider = services.BuildServiceProvider();
        var backup = provider.GetService<IStoreBackup>()
            ?? throw new NotSupportedException($"the storage provider '{options.Storage.Provider}' ({StorageOptions.ProviderKey}) has no backup; use its own tools");
        return await backup.BackupAsync(destination, cancellationToken);
    }
}
