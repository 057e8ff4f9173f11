using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Core.Storage;
using Parley.Server.Hosting;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Storage;

/// <summary>The host picks its stores by <c>Parley:Storage:Provider</c> and backs up through the provider's <see cref="IStoreBackup"/>.</summary>
public sealed class StorageProviderTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task Backup_goes_through_the_backup_port_the_provider_registers()
    {
        var backup = new RecordingBackup();

        var source = await ParleyServer.BackupAsync(
            [new("Parley:DataDirectory", _directory)], "copy.db", services => services.Replace(ServiceDescriptor.Singleton<IStoreBackup>(backup)));

        Assert.Equal("recorded", source);
        Assert.Equal(["copy.db"], backup.Destinations);
    }

    [Fact]
    public async Task A_provider_without_backup_is_refused_with_a_line_naming_the_provider_and_the_setting()
    {
        var error = await Assert.ThrowsAsync<NotSupportedException>(() => ParleyServer.BackupAsync(
            [new("Parley:DataDirectory", _directory)], "copy.db", services => services.RemoveAll<IStoreBackup>()));

        Assert.Equal("the storage provider 'sqlite' (Parley:Storage:Provider) has no backup; use its own tools", error.Message);
    }

    [Fact]
    public async Task Backup_with_an_unknown_provider_names_the_setting_and_the_allowed_values()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => ParleyServer.BackupAsync(
            [new("Parley:DataDirectory", _directory), new("Parley:Storage:Provider", "mongo")], "copy.db"));

        Assert.Equal("Parley:Storage:Provider (--storage) is 'mongo': allowed are sqlite, postgres", error.Message);
    }

    [Fact]
    public async Task The_backup_command_of_the_built_server_reports_a_missing_database_in_one_line()
    {
        var run = await ParleyServerRun.RunAsync(["backup", Path.Combine(_directory, "copy.db"), "--data", _directory], _directory);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"parley-server: backup failed: No database at {Path.Combine(_directory, "parley.db")}.", Assert.Single(run.ErrorLines));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class RecordingBackup : IStoreBackup
    {
        public List<string> Destinations { get; } = [];

        public Task<string> BackupAsync(string destination, CancellationToken cancellationToken = default)
        {
            Destinations.Add(destination);
            return Task.FromResult("recorded");
        }
    }
}
