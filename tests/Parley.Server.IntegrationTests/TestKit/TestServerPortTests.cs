using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Hosting;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.TestKit;

/// <summary>
/// Tests run beside the README's server (55555, 55556, 6667, 6697) and other runs, so the servers
/// the TestKit starts, in process or as a child process, bind no fixed port.
/// </summary>
public sealed partial class TestServerPortTests : IDisposable
{
    private readonly string _data = ParleyTestServer.NewTemporaryDirectory();

    [Fact]
    public async Task Child_server_is_given_a_free_port_or_none_for_every_listener()
    {
        IReadOnlyList<KeyValuePair<string, string?>>? overrides = null;
        var command = ServerCommandLine.Create((given, _) =>
        {
            overrides = given;
            return Task.FromResult(0);
        });
        var portOptions = command.Options.Count(o => o.Name.EndsWith("port", StringComparison.Ordinal));

        Assert.Equal(0, await command.Parse([.. ParleyServerProcess.Arguments(_data)]).InvokeAsync());

        var ports = overrides!.Where(o => o.Key.EndsWith("Port", StringComparison.Ordinal)).ToList();
        Assert.Equal(portOptions, ports.Count);
        Assert.All(ports, p => Assert.Contains(p.Value, new[] { "0", "-1" }));
    }

    [Fact]
    public async Task Child_server_listens_on_its_free_line_port_only()
    {
        await using var server = await ParleyServerProcess.StartAsync(_data);

        var listening = ListeningLine().Matches(server.Log).Select(m => m.Value).ToList();
        var line = Assert.Single(listening);
        Assert.EndsWith($":{server.Port}", line, StringComparison.Ordinal);
        Assert.NotEqual(55555, server.Port);
    }

    [Fact]
    public async Task In_process_test_server_listens_on_its_free_line_port_only()
    {
        await using var server = await ParleyTestServer.StartAsync();

        var listener = Assert.Single(server.Services.GetRequiredService<ListenerRegistry>().All);
        Assert.Equal(ParleyServer.LineProtocol, listener.Protocol);
        Assert.Equal(server.Port, listener.Endpoint!.Port);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [GeneratedRegex(@"listening on \S+")]
    private static partial Regex ListeningLine();
}
