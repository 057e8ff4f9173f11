using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace Parley.TestKit;

/// <summary>
/// A raw line-protocol client over a real socket, as <c>nc</c> (or <c>openssl s_client</c> for TLS)
/// would be, with awaits that time out.
/// </summary>
public sealed class LineTestClient : TestConnection
{
    private LineTestClient(Socket socket, Stream stream)
        : base(socket, stream)
    {
    }

    /// <summary>The greeting line the server sent on connect.</summary>
    public string Greeting { get; private set; } = "";

    /// <inheritdoc />
    protected override string LineEnding => "\n";

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and reads the greeting.</summary>
    /// <param name="port">Server port.</param>
    /// <param name="receiveBufferSize">A small kernel receive buffer makes a non-reading client fill up fast.</param>
    /// <param name="from">The local address to connect from (e.g. 127.0.0.2, another client address), or null for the system's choice.</param>
    public static async Task<LineTestClient> ConnectAsync(int port, int? receiveBufferSize = null, System.Net.IPAddress? from = null)
    {
        var socket = await OpenSocketAsync(port, receiveBufferSize, from);
        var client = new LineTestClient(socket, new NetworkStream(socket, ownsSocket: true));
        client.Greeting = await client.ReadLineAsync();
        return client;
    }

    /// <summary>
    /// Connects, sends <paramref name="preamble"/> before anything else (a load balancer's PROXY
    /// header), then, with <paramref name="tls"/>, does the TLS handshake, and reads the first line
    /// (the greeting, or the reason of a refusal).
    /// </summary>
    public static async Task<LineTestClient> ConnectAsync(int port, ReadOnlyMemory<byte> preamble, bool tls = false)
    {
        var socket = await OpenSocketAsync(port);
        await socket.SendAsync(preamble);
        var stream = tls ? await AuthenticateAsync(socket, null) : (Stream)new NetworkStream(socket, ownsSocket: true);
        var client = new LineTestClient(socket, stream);
        client.Greeting = await client.ReadLineAsync();
        return client;
    }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> over TLS and reads the greeting.</summary>
    /// <param name="port">Server TLS port.</param>
    /// <param name="clientCertificate">A certificate (with key) to present, or null.</param>
    /// <param name="protocols">The TLS versions to offer; <see cref="SslProtocols.None"/> lets the system choose.</param>
    /// <exception cref="AuthenticationException">The handshake failed.</exception>
    public static async Task<LineTestClient> ConnectTlsAsync(
        int port, X509Certificate2? clientCertificate = null, SslProtocols protocols = SslProtocols.None)
    {
        var socket = await OpenSocketAsync(port);
        var client = new LineTestClient(socket, await AuthenticateAsync(socket, clientCertificate, protocols));
        client.Greeting = await client.ReadLineAsync();
        return client;
    }

    /// <summary>Sends <c>#nick</c> and expects <c>OK registered as nick</c>.</summary>
    public async Task RegisterAsync(string nick)
    {
        await SendAsync("#" + nick);
        await ExpectAsync($"OK registered as {nick}");
    }

    /// <summary>Sends <c>/join room</c> (with a key if given), expects <c>OK joined</c>, and returns the data lines before it.</summary>
    public async Task<List<string>> JoinAsync(string room, string? key = null)
    {
        await SendAsync(key is null ? $"/join {room}" : $"/join {room} {key}");
        var (reply, before) = await WaitForAsync(l => l.StartsWith("OK ", StringComparison.Ordinal) || l.StartsWith("ERR ", StringComparison.Ordinal));
        Assert.StartsWith($"OK joined {room}", reply, StringComparison.OrdinalIgnoreCase);
        return before;
    }

    /// <summary>Sends <paramref name="line"/> and returns its final reply (OK, ERR or BYE) and the lines before it.</summary>
    public async Task<(string Reply, List<string> Before)> CommandAsync(string line)
    {
        await SendAsync(line);
        return await WaitForAsync(l => l.StartsWith("OK ", StringComparison.Ordinal) || l.StartsWith("ERR ", StringComparison.Ordinal) || l.StartsWith("BYE ", StringComparison.Ordinal));
    }

    /// <summary>Reads up to the next final reply (<c>OK</c>, <c>ERR</c>, <c>BYE</c>); returns it and the lines before it.</summary>
    public Task<(string Line, List<string> Skipped)> ReplyAsync(TimeSpan? timeout = null) =>
        WaitForAsync(l => l.StartsWith("OK ", StringComparison.Ordinal) || l.StartsWith("ERR ", StringComparison.Ordinal)
            || l.StartsWith("BYE ", StringComparison.Ordinal), timeout);

    /// <summary>
    /// Round-trips a <c>/help</c> and returns the lines that arrived before its reply: proof that
    /// nothing else is pending (the server answers in order).
    /// </summary>
    public async Task<List<string>> DrainAsync()
    {
        await SendAsync("/help");
        var (_, before) = await WaitForAsync(l => l == "OK end of help");
        return [.. before.Where(l => !l.StartsWith("HELP ", StringComparison.Ordinal))];
    }
}
