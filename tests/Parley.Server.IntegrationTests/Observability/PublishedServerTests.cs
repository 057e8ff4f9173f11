using System.Diagnostics;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>
/// The server as the README installs it (<c>dotnet publish</c>, then the <c>parley-server</c> it
/// produces), started with bad settings: one line naming the setting, exit code 2 (issue 12).
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class PublishedServerTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task The_published_server_refuses_a_bad_setting_in_one_line_with_exit_code_2()
    {
        var published = Path.Combine(_directory, "published");
        await PublishAsync(published);
        var executable = Path.Combine(published, "parley-server");
        Assert.True(File.Exists(executable), "dotnet publish wrote no parley-server");

        var badPort = await ParleyServerRun.RunAsync(["--port", "70000", "--data", Path.Combine(_directory, "data")], _directory, executable: executable);
        var badEnvironment = await ParleyServerRun.RunAsync(
            ["--check-config"], _directory, new Dictionary<string, string> { ["Parley__Limits__Flood__Burst"] = "0" }, executable);
        var good = await ParleyServerRun.RunAsync(["--check-config"], _directory, executable: executable);

        Assert.Equal(2, badPort.ExitCode);
        Assert.StartsWith("parley-server: Parley:Port is 70000: must be", Assert.Single(badPort.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, badEnvironment.ExitCode);
        Assert.StartsWith("parley-server: Parley:Limits:Flood:Burst is 0: must be", Assert.Single(badEnvironment.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, good.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")), "a refused start creates no data directory");
    }

    // The README's framework-dependent publish, into a temporary folder instead of /opt/parley.
    private static async Task PublishAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "Parley.Server"), "-c", "Release", "-o", output, "--nologo" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"dotnet publish failed ({process.ExitCode}): {await stdout} {await stderr}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is left for the OS to clear.
        }
    }
}
