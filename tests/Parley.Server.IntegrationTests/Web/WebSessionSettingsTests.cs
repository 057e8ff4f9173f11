using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary><c>Parley:Web:SessionLifetime</c> out of range stops the start (and <c>--check-config</c>) in one line naming it, exit code 2.</summary>
public sealed class WebSessionSettingsTests : IDisposable
{
    private const string Expected = "parley-server: Parley:Web:SessionLifetime is 00:00:10: allowed are 00:01:00 (1 minute) to 400.00:00:00 (400 days)";
    private static readonly string[] NoFixedPorts = ["--port", "-1", "--tls-port", "0", "--irc-port", "0", "--ircs-port", "0", "--http-port", "0", "--https-port", "0"];
    private static readonly Dictionary<string, string> TooShort = new() { ["Parley__Web__SessionLifetime"] = "00:00:10" };

    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task A_lifetime_out_of_range_fails_the_configuration_check()
    {
        var run = await ParleyServerRun.RunAsync(["--check-config"], _directory, TooShort);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(Expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lifetime_out_of_range_stops_the_start()
    {
        var run = await ParleyServerRun.RunAsync([.. NoFixedPorts, "--data", Path.Combine(_directory, "data")], _directory, TooShort);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(Expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
