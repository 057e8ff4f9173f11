using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Security;
using Parley.Core.Sessions;
using Parley.Core.Tests;
using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;

namespace Parley.FrontEnds.Tests.Harness;

/// <summary>
/// The whole front-end tier in one process, without sockets: the real <see cref="ChatHub"/> (and its
/// <see cref="RoomHub"/>) and <see cref="AccountService"/> on in-memory stores, both front-ends, a
/// <see cref="TestClock"/>, and <see cref="PipeClient"/>s served through the public
/// <c>RunConnectionAsync</c> entry points, as Kestrel serves a socket's pipe.
/// </summary>
/// <remarks>
/// The one place that knows how the front-ends are built and entered: when the connection layer
/// changes shape, this file adapts and the tests stay as they are.
/// </remarks>
public sealed class InMemoryFrontEnds : IAsyncDisposable
{
    /// <summary>What a connection through the harness is, by default: plain, from loopback (trusted, so passwords are allowed).</summary>
    public static readonly ConnectionSecurity Loopback = new() { IsTrustedNetwork = true };

    private readonly List<PipeClient> _clients = [];
    private int _port = 40000;

    /// <summary>Builds the hubs and front-ends; nothing runs until a client connects.</summary>
    /// <param name="limits">Per-connection limits; flood control off unless given (as the integration tests' servers do for bulk work).</param>
    /// <param name="accountOptions">Account settings; the defaults with few hash iterations.</param>
    public InMemoryFrontEnds(ConnectionLimits? limits = null, AccountOptions? accountOptions = null)
    {
        var accounts = new MemoryAccountStore();
        var options = accountOptions ?? new AccountOptions();
        Hub = new ChatHub(
            accounts, new MemoryMessageStore(), options, new RoomOptions(), new RoomLimits(),
            new InMemoryRoomStore(), new InMemoryRoomHistory(), OperatorPolicy.None, Clock);
        Accounts = new AccountService(
            Hub, accounts, new MemoryCertificateStore(accounts), new FakeHashing(), new LoginThrottle(options, Clock), Clock,
            new RegistrationThrottle(options, Clock));
        var connectionLimits = limits ?? new ConnectionLimits { Flood = new FloodOptions { MessagesPerSecond = 0 } };
        var loginPolicy = new LoginTransportPolicy(requireTlsForLogin: true);
        Line = new LineFrontEnd(Hub, Accounts, options, loginPolicy, connectionLimits, Clock, NullLogger<LineFrontEnd>.Instance);
        Irc = new IrcFrontEnd(Hub, Accounts, loginPolicy, connectionLimits, new IrcOptions(), Clock, NullLogger<IrcFrontEnd>.Instance);
    }

    /// <summary>The one clock of the hubs, the throttles and the front-ends.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The chat core.</summary>
    public ChatHub Hub { get; }

    /// <summary>Registration and login.</summary>
    public AccountService Accounts { get; }

    /// <summary>The line protocol's front-end.</summary>
    public LineFrontEnd Line { get; }

    /// <summary>The IRC front-end.</summary>
    public IrcFrontEnd Irc { get; }

    /// <summary>Opens a line connection; the greeting is not read.</summary>
    /// <param name="fromServer">Options of the pipe to the client (a small one for a slow consumer).</param>
    /// <param name="security">The transport's security; <see cref="Loopback"/> when null.</param>
    public PipeClient ConnectLine(PipeOptions? fromServer = null, ConnectionSecurity? security = null) =>
        Serve(new PipeClient("\n", fromServer), (client, address) =>
            Line.RunConnectionAsync(client.Transport, address, security ?? Loopback, client.Abort));

    /// <summary>Opens an IRC connection; nothing is sent or read.</summary>
    /// <param name="fromServer">Options of the pipe to the client (a small one for a slow consumer).</param>
    /// <param name="security">The transport's security; <see cref="Loopback"/> when null.</param>
    public PipeClient ConnectIrc(PipeOptions? fromServer = null, ConnectionSecurity? security = null) =>
        Serve(new PipeClient("\r\n", fromServer), (client, address) =>
            Irc.RunConnectionAsync(client.Transport, address, security ?? Loopback, client.Abort));

    /// <summary>Opens a line connection and registers <paramref name="nick"/> as a guest (greeting and OK read).</summary>
    public async Task<PipeClient> ConnectLineAsAsync(string nick, PipeOptions? fromServer = null)
    {
        var client = ConnectLine(fromServer);
        Assert.StartsWith("HELLO ", await client.ReadLineAsync(), StringComparison.Ordinal);
        await client.SendAsync("#" + nick);
        await client.ExpectAsync("OK registered as " + nick);
        return client;
    }

    /// <summary>Opens an IRC connection and registers <paramref name="nick"/> (read up to the end of the welcome).</summary>
    /// <param name="nick">The nick; the user name is <c>u</c>.</param>
    /// <param name="capabilities">Capabilities to request before registering (<c>CAP REQ</c>, then <c>CAP END</c>), or none.</param>
    public async Task<PipeClient> ConnectIrcAsAsync(string nick, params string[] capabilities)
    {
        var client = ConnectIrc();
        if (capabilities.Length > 0)
            await client.SendAsync("CAP REQ :" + string.Join(' ', capabilities));
        await client.SendAsync("NICK " + nick);
        await client.SendAsync("USER u 0 * :Real Name");
        if (capabilities.Length > 0)
            await client.SendAsync("CAP END");
        await client.WaitForAsync(IsEndOfWelcome);
        return client;
    }

    /// <summary>Whether an IRC line ends the welcome burst: the end of the MOTD (376) or its absence (422).</summary>
    public static bool IsEndOfWelcome(string line) =>
        line.Contains(" 376 ", StringComparison.Ordinal) || line.Contains(" 422 ", StringComparison.Ordinal);

    /// <summary>Drops every client still open and waits for the server to finish with each.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            await client.DisposeAsync();
    }

    private PipeClient Serve(PipeClient client, Func<PipeClient, string, Task> run)
    {
        // A distinct peer address per connection, as sockets from one host would have.
        var address = "127.0.0.1:" + Interlocked.Increment(ref _port).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Off the test's thread, as Kestrel runs a connection: the test's awaits never run the server inline.
        client.Served = Task.Run(() => run(client, address));
        _clients.Add(client);
        return client;
    }
}
