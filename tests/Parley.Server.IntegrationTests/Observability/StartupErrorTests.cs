using System.Net;
using System.Net.Sockets;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>The built server, run as a child process with bad settings: one line, exit code 2.</summary>
public sealed class StartupErrorTests : IDisposable
{
    // Every listener off or on a free port, so nothing here binds a fixed port.
    private static readonly string[] NoFixedPorts = ["--port", "-1", "--tls-port", "0", "--irc-port", "0", "--ircs-port", "0", "--http-port", "0", "--https-port", "0"];

    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task A_busy_port_names_the_listener_its_setting_and_the_port_and_exits_2()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var run = await ParleyServerRun.RunAsync(
            With("--irc-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", Path.Combine(_directory, "data")),
            _directory);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Equal($"parley-server: the irc listener cannot listen on 127.0.0.1:{port} (Parley:Irc:Port, --irc-port): address already in use; choose another port, or 0 to turn it off", line);
        Assert.DoesNotContain("http://", run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000", "parley-server: Parley:Port is 70000: must be less than or equal to '65535'.")]
    [InlineData("--http-port", "-7", "parley-server: Parley:Http:Port is -7: allowed are 1-65535, 0 (off) or -1 (any free port)")]
    [InlineData("--max-outbound-bytes", "5", "parley-server: Parley:Limits:MaxOutboundBytes is 5: must be greater than or equal to '4097'.")]
    [InlineData("--port", "abc", "parley-server: Cannot parse argument 'abc' for option '--port'")]
    [InlineData("--log-format", "xml", "parley-server: Argument 'xml' not recognized.")]
    [InlineData("--config", "missing.json", "parley-server: Parley:ConfigFile (--config) is 'missing.json': no such file")]
    [InlineData("--storage", "mongo", "parley-server: Parley:Storage:Provider (--storage) is 'mongo': allowed are sqlite, postgres")]
    public async Task A_bad_setting_is_one_line_naming_it_its_value_and_what_is_allowed_with_exit_code_2(string option, string value, string expected)
    {
        var run = await ParleyServerRun.RunAsync(With(option, value, "--data", Path.Combine(_directory, "data")), _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")), "a refused start creates no data directory");
    }

    [Fact]
    public async Task A_bad_setting_from_the_environment_names_its_configuration_key()
    {
        var run = await ParleyServerRun.RunAsync(
            ["--check-config"], _directory, new Dictionary<string, string> { ["Parley__Limits__Flood__Burst"] = "0" });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("parley-server: Parley:Limits:Flood:Burst is 0: must be", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_storage_provider_from_the_environment_is_one_line_naming_the_key_and_the_allowed_values()
    {
        var run = await ParleyServerRun.RunAsync(
            ["--check-config"], _directory, new Dictionary<string, string> { ["Parley__Storage__Provider"] = "mongo" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("parley-server: Parley:Storage:Provider (--storage) is 'mongo': allowed are sqlite, postgres", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task A_data_directory_that_cannot_hold_the_database_is_one_line_naming_the_setting_and_the_file()
    {
        // A directory cannot be made under a file.
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "");
        var data = Path.Combine(file, "data");

        var run = await ParleyServerRun.RunAsync(With("--data", data, "--storage", "SQLite"), _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(
            $"parley-server: Parley:DataDirectory is '{data}': cannot open {Path.Combine(data, "parley.db")}: ",
            Assert.Single(run.ErrorLines),
            StringComparison.Ordinal);
        Assert.EndsWith("(it must be a writable directory; --data)", run.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_transport_setting_names_its_configuration_key()
    {
        var run = await ParleyServerRun.RunAsync(
            ["--check-config"], _directory, new Dictionary<string, string> { ["Parley__Transport__IOQueueCount"] = "-1" });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("parley-server: Parley:Transport:IOQueueCount is -1: must be", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_delay_over_100_ms_is_one_line_naming_the_key_and_the_range()
    {
        var run = await ParleyServerRun.RunAsync(
            ["--check-config"], _directory, new Dictionary<string, string> { ["Parley__Storage__CommitDelay"] = "00:00:00.5" });

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("parley-server: Parley:Storage:CommitDelay is 00:00:00.5000000: must be from 0 to 100 ms (00:00:00 to 00:00:00.1)", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Check_config_validates_without_binding_a_port_or_creating_the_data_directory()
    {
        // The port is busy: a check that tried to listen would fail.
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var run = await ParleyServerRun.RunAsync(["--check-config", "--port", port, "--data", Path.Combine(_directory, "data")], _directory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("configuration is valid", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "data")));
    }

    [Fact]
    public async Task Check_config_reads_a_commented_config_file_and_names_its_bad_setting()
    {
        var file = Path.Combine(_directory, "parley.json");
        await File.WriteAllTextAsync(file, """
            {
              // comments are allowed, as in parley.example.json
              "Parley": { "Irc": { "Port": 99999 } }
            }
            """);

        var run = await ParleyServerRun.RunAsync(["--check-config", "--config", file], _directory);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("parley-server: Parley:Irc:Port is 99999: must be less than or equal to '65535'.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task The_example_configuration_is_valid()
    {
        var example = Path.Combine(RepositoryRoot.Find(), "parley.example.json");

        var run = await ParleyServerRun.RunAsync(["--check-config", "--config", example], _directory);

        Assert.True(run.ExitCode == 0, run.Error);
    }

    // NoFixedPorts with some options replaced or added (an option may be given once).
    private static List<string> With(params string[] options)
    {
        var arguments = new List<string>();
        for (var i = 0; i < NoFixedPorts.Length; i += 2)
        {
            if (!options.Where((_, j) => j % 2 == 0).Contains(NoFixedPorts[i]))
                arguments.AddRange([NoFixedPorts[i], NoFixedPorts[i + 1]]);
        }

        arguments.AddRange(options);
        return arguments;
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
