using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Connections;
using Parley.Server.Hosting;
using Parley.Server.IntegrationTests.Web;
using Parley.Server.Listeners;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// The listeners are rows of one table (docs/architecture.md, "Listeners and log event ids"):
/// each row's settings are the ones the command line and the configuration set, and every row
/// gets the same chain (the connection limits, TLS, the registry).
/// </summary>
public sealed class ListenerTableTests
{
    [Fact]
    public async Task Each_rows_command_line_option_sets_the_configuration_key_and_the_port_the_row_reads()
    {
        Assert.Equal(ListenerTable.All.Count, ListenerTable.All.Select(l => l.Name).Distinct().Count());
        foreach (var listener in ListenerTable.All)
        {
            IReadOnlyList<KeyValuePair<string, string?>>? overrides = null;
            var command = ServerCommandLine.Create((given, _) =>
            {
                overrides = given;
                return Task.FromResult(0);
            });

            Assert.Equal(0, await command.Parse([listener.PortOption, "4321"]).InvokeAsync());

            Assert.Equal(new KeyValuePair<string, string?>(listener.PortKey, "4321"), Assert.Single(overrides!));
            Assert.Equal(4321, listener.Port(ParleyServer.ReadOptions(overrides!)));
            Assert.Equal((listener.PortKey, listener.PortOption), StartupErrors.SettingOf(listener.Name));
        }
    }

    [Fact]
    public async Task Every_row_opens_on_a_free_port_under_its_name_in_table_order()
    {
        await using var server = await ParleyTestServer.StartAsync(AllOnFreePorts());

        var registered = server.Services.GetRequiredService<ListenerRegistry>().All.ToList();
        Assert.Equal(ListenerTable.All.Select(l => l.Name), registered.Select(l => l.Protocol));
        Assert.All(registered, l => Assert.NotEqual(0, l.Endpoint!.Port));
    }

    [Fact]
    public async Task A_full_server_refuses_on_every_row_behind_the_limits_with_its_protocols_line_or_before_tls_and_still_answers_http()
    {
        var settings = AllOnFreePorts();
        settings["Parley:Limits:MaxConnections"] = "1";
        await using var server = await ParleyTestServer.StartAsync(settings);
        await using var admitted = await server.ConnectAsAsync("alice");
        var registry = server.Services.GetRequiredService<ListenerRegistry>();

        foreach (var listener in ListenerTable.All.Where(l => !l.Http))
        {
            var refusal = listener.Tls ? [] : listener.RefusalLine!(ConnectionLimitMiddleware.Describe(AdmissionVerdict.ServerFull));
            using var client = await RawTcpClient.ConnectAsync(registry.EndpointOf(listener.Name)!.Port);
            Assert.Equal(Encoding.ASCII.GetString(refusal), await client.ReadUntilClosedAsync());
        }

        // The HTTP rows count their connections apart from the chat ones (health and metrics answer a full server).
        using var http = new HttpClient { Timeout = TestConnection.DefaultTimeout };
        var health = await http.GetAsync(new Uri($"http://127.0.0.1:{server.HttpPort}/healthz"));
        Assert.True(health.IsSuccessStatusCode, $"/healthz answered {health.StatusCode}");
    }

    private static Dictionary<string, string?> AllOnFreePorts() =>
        ListenerTable.All.ToDictionary(l => l.PortKey, _ => (string?)ParleyTestServer.AnyFreePort);
}
