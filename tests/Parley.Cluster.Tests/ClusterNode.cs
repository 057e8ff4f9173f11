using Parley.Server.IntegrationTests.Web;
using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>One <c>parley-server</c> process of the test cluster: line, IRC and HTTP (<c>/ws</c>) on free ports.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly string _data;

    private ClusterNode(string name, string data, ParleyServerProcess process)
    {
        Name = name;
        _data = data;
        Process = process;
    }

    /// <summary>Its <c>Parley:Cluster:NodeName</c>.</summary>
    public string Name { get; }

    /// <summary>The process, to kill it.</summary>
    public ParleyServerProcess Process { get; }

    /// <summary>The line protocol's port.</summary>
    public int LinePort => Process.Port;

    /// <summary>The IRC port.</summary>
    public int IrcPort => Process.PortOf("irc");

    /// <summary>ws://127.0.0.1:port/ws.</summary>
    public Uri WebSocketUri => new($"ws://127.0.0.1:{Process.PortOf("http")}/ws");

    /// <summary>Starts a node on PostgreSQL and RabbitMQ with its own data directory.</summary>
    public static async Task<ClusterNode> StartAsync(string name, string connectionString, string brokerUri)
    {
        var data = ParleyTestServer.NewTemporaryDirectory();
        var environment = new Dictionary<string, string>
        {
            ["Parley__Storage__Provider"] = "postgres",
            ["Parley__Storage__Postgres__ConnectionString"] = connectionString,
            ["Parley__Cluster__Provider"] = "rabbitmq",
            ["Parley__Cluster__RabbitMq__Uri"] = brokerUri,
            ["Parley__Cluster__NodeName"] = name,
        };
        try
        {
            var process = await ParleyServerProcess.StartAsync(data, environment, null, hangUpIgnored: false, ["--irc-port", "--http-port"]);
            return new ClusterNode(name, data, process);
        }
        catch
        {
            Directory.Delete(data, recursive: true);
            throw;
        }
    }

    /// <summary>A line-protocol guest named <paramref name="nick"/>.</summary>
    public async Task<LineTestClient> LineAsync(string nick)
    {
        var client = await LineTestClient.ConnectAsync(LinePort);
        await client.RegisterAsync(nick);
        return client;
    }

    /// <summary>An IRC client registered as <paramref name="nick"/>.</summary>
    public async Task<IrcTestClient> IrcAsync(string nick)
    {
        var client = await IrcTestClient.ConnectAsync(IrcPort);
        await client.RegisterAsync(nick);
        return client;
    }

    /// <summary>A WebSocket (<c>text.ircv3.net</c>) client registered as <paramref name="nick"/>.</summary>
    internal async Task<WebSocketTestClient> WebAsync(string nick)
    {
        var client = await WebSocketTestClient.ConnectAsync(WebSocketUri, ["text.ircv3.net"]);
        await client.RegisterAsync(nick);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
