using Parley.Server.IntegrationTests.Web;
using Parley.TestKit;

namespace Parley.Cluster.Tests;

/// <summary>
/// A user of one protocol (line, IRC, or IRC over the web client's WebSocket) on one node, with the
/// three things the cluster tests do: join a room, say something there, wait for a line.
/// Each waits with the clients' timeouts (15 s by default), never a sleep.
/// </summary>
internal sealed class ChatUser : IAsyncDisposable
{
    private readonly LineTestClient? _line;
    private readonly IrcTestClient? _irc;
    private readonly WebSocketTestClient? _web;

    private ChatUser(string nick, string node, LineTestClient? line = null, IrcTestClient? irc = null, WebSocketTestClient? web = null)
    {
        Nick = nick;
        Node = node;
        _line = line;
        _irc = irc;
        _web = web;
    }

    /// <summary>The nick.</summary>
    public string Nick { get; }

    /// <summary>The node's name.</summary>
    public string Node { get; }

    /// <summary>The line client, when this is a line user.</summary>
    public LineTestClient? Line => _line;

    /// <summary>The IRC client, when this is an IRC user.</summary>
    public IrcTestClient? Irc => _irc;

    public override string ToString() => $"{Nick} ({(_line is not null ? "line" : _irc is not null ? "irc" : "web")} on {Node})";

    /// <summary>A line, an IRC and a web user on <paramref name="node"/>.</summary>
    public static async Task<ChatUser[]> EveryProtocolAsync(ClusterNode node, string prefix) =>
    [
        await LineAsync(node, ThreeNodeCluster.Unique(prefix + "l")),
        await IrcAsync(node, ThreeNodeCluster.Unique(prefix + "i")),
        await WebAsync(node, ThreeNodeCluster.Unique(prefix + "w")),
    ];

    /// <summary>A line user.</summary>
    public static async Task<ChatUser> LineAsync(ClusterNode node, string nick) => new(nick, node.Name, line: await node.LineAsync(nick));

    /// <summary>An IRC user.</summary>
    public static async Task<ChatUser> IrcAsync(ClusterNode node, string nick) => new(nick, node.Name, irc: await node.IrcAsync(nick));

    /// <summary>A web (WebSocket) user.</summary>
    public static async Task<ChatUser> WebAsync(ClusterNode node, string nick) => new(nick, node.Name, web: await node.WebAsync(nick));

    /// <summary>Joins <paramref name="room"/> and waits until it is shown the join (line: <c>OK joined</c>, IRC: its own JOIN); returns the lines before it (history).</summary>
    public async Task<List<string>> JoinAsync(string room)
    {
        if (_line is not null)
            return await _line.JoinAsync(room);
        await SendIrcAsync($"JOIN {room}");
        return (await WaitForAsync(line => IsOwn(line, "JOIN"))).Skipped;
    }

    /// <summary>Says <paramref name="text"/> in <paramref name="room"/> (a line user waits for its <c>OK</c>).</summary>
    public async Task SayAsync(string room, string text)
    {
        if (_line is not null)
        {
            var (reply, _) = await _line.CommandAsync($"@{room}:{text}");
            Assert.StartsWith("OK", reply, StringComparison.Ordinal);
            return;
        }

        await SendIrcAsync($"PRIVMSG {room} :{text}");
    }

    /// <summary>Reads until a line contains <paramref name="text"/>; returns it and the lines before.</summary>
    public Task<(string Line, List<string> Skipped)> WaitForTextAsync(string text) => WaitForAsync(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Reads until <paramref name="match"/>; returns the line and the lines before.</summary>
    public async Task<(string Line, List<string> Skipped)> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        if (_line is not null)
            return await _line.WaitForAsync(match, timeout);
        if (_irc is not null)
            return await _irc.WaitForAsync(match, timeout);
        return await _web!.WaitForAsync(match);
    }

    public async ValueTask DisposeAsync()
    {
        if (_line is not null)
            await _line.DisposeAsync();
        if (_irc is not null)
            await _irc.DisposeAsync();
        if (_web is not null)
            await _web.DisposeAsync();
    }

    private Task SendIrcAsync(string line) => _irc is not null ? _irc.SendAsync(line) : _web!.SendAsync(line);

    private bool IsOwn(string line, string command) =>
        IrcTestClient.Command(line) == command && IrcTestClient.WithoutTags(line).StartsWith($":{Nick}!", StringComparison.OrdinalIgnoreCase);
}
