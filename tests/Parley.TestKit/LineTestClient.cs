using System.Net.Security;
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
public sealed class LineTestClient : IAsyncDisposable
{
    /// <summary>How long any expected line may take before the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly StreamReader _reader;

    private LineTestClient(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
    }

    /// <summary>The fingerprint (<c>SHA256:HEX</c>) of the certificate the server presented, or null on a plain connection.</summary>
    public string? ServerCertificateFingerprint { get; private init; }

    /// <summary>The negotiated TLS version, or null on a plain connection.</summary>
    public SslProtocols? TlsProtocol { get; private init; }

    /// <summary>The greeting line the server sent on connect.</summary>
    public string Greeting { get; private set; } = "";

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and reads the greeting.</summary>
    /// <param name="port">Server port.</param>
    /// <param name="receiveBufferSize">A small kernel receive buffer makes a non-reading client fill up fast.</param>
    public static async Task<LineTestClient> ConnectAsync(int port, int? receiveBufferSize = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
            socket.ReceiveBufferSize = size;
        await socket.ConnectAsync("127.0.0.1", port);
        var client = new LineTestClient(socket, new NetworkStream(socket, ownsSocket: true));
        client.Greeting = await client.ReadLineAsync();
        return client;
    }

    /// <summary>
    /// Connects to 127.0.0.1:<paramref name="port"/> over TLS, accepting whatever certificate the
    /// server presents (the tests check its fingerprint), and reads the greeting.
    /// </summary>
    /// <param name="port">Server TLS port.</param>
    /// <param name="clientCertificate">A certificate (with key) to present, or null.</param>
    /// <param name="protocols">The TLS versions to offer; <see cref="SslProtocols.None"/> lets the system choose.</param>
    /// <exception cref="AuthenticationException">The handshake failed.</exception>
    public static async Task<LineTestClient> ConnectTlsAsync(
        int port, X509Certificate2? clientCertificate = null, SslProtocols protocols = SslProtocols.None)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
        try
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = "localhost",
                    EnabledSslProtocols = protocols,
                    ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                    LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
                },
                timeout.Token);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        var client = new LineTestClient(socket, ssl)
        {
            ServerCertificateFingerprint = TestCertificates.Fingerprint(new X509Certificate2(ssl.RemoteCertificate!)),
            TlsProtocol = ssl.SslProtocol,
        };
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

    /// <summary>Sends one line; LF is appended.</summary>
    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Sends bytes exactly as given.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Reads the next line; fails the test on timeout or when the server closed the connection.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await _reader.ReadLineAsync(cts.Token)
                ?? throw new InvalidOperationException("the server closed the connection");
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"no line within {timeout ?? DefaultTimeout}");
        }
    }

    /// <summary>Reads the next line and asserts it is exactly <paramref name="expected"/>.</summary>
    public async Task ExpectAsync(string expected)
    {
        var line = await ReadLineAsync();
        Assert.Equal(expected, line);
    }

    /// <summary>Reads lines until one satisfies <paramref name="match"/>; returns it and the lines skipped before it.</summary>
    public async Task<(string Line, List<string> Skipped)> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var skipped = new List<string>();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"no matching line; got: {string.Join(" | ", skipped)}");
            }

            if (line is null)
                throw new InvalidOperationException($"closed before a matching line; got: {string.Join(" | ", skipped)}");
            if (match(line))
                return (line, skipped);
            skipped.Add(line);
        }
    }

    /// <summary>Reads up to the next final reply (<c>OK</c>, <c>ERR</c>, <c>BYE</c>); returns it and the lines before it.</summary>
    public Task<(string Line, List<string> Skipped)> ReplyAsync(TimeSpan? timeout = null) =>
        WaitForAsync(l => l.StartsWith("OK ", StringComparison.Ordinal) || l.StartsWith("ERR ", StringComparison.Ordinal)
            || l.StartsWith("BYE ", StringComparison.Ordinal), timeout);

    /// <summary>Reads until the server closes the connection; returns every line read.</summary>
    public async Task<List<string>> ReadUntilClosedAsync(TimeSpan? timeout = null)
    {
        var lines = new List<string>();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (await _reader.ReadLineAsync(cts.Token) is { } line)
                lines.Add(line);
        }
        catch (IOException)
        {
            // A reset after the last line still counts as closed.
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"still open; got: {string.Join(" | ", lines)}");
        }

        return lines;
    }

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

    /// <summary>Closes the socket abruptly, without <c>/quit</c>.</summary>
    public void Drop() => _socket.Close();

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
    }
}
