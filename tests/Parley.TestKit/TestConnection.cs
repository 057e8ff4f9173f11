using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace Parley.TestKit;

/// <summary>
/// A raw text connection to the server over a real socket, plain or TLS: send lines, read lines,
/// with awaits that time out. <see cref="LineTestClient"/> and <see cref="IrcTestClient"/> add
/// their protocol's habits (line ending, registration, a round trip to drain).
/// </summary>
public abstract class TestConnection : IAsyncDisposable
{
    /// <summary>How long any expected line may take before the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly StreamReader _reader;

    /// <summary>Wraps an open connection.</summary>
    protected TestConnection(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
        if (stream is SslStream ssl)
        {
            ServerCertificateFingerprint = TestCertificates.Fingerprint(new X509Certificate2(ssl.RemoteCertificate!));
            TlsProtocol = ssl.SslProtocol;
        }
    }

    /// <summary>The fingerprint (<c>SHA256:HEX</c>) of the certificate the server presented, or null on a plain connection.</summary>
    public string? ServerCertificateFingerprint { get; }

    /// <summary>The negotiated TLS version, or null on a plain connection.</summary>
    public SslProtocols? TlsProtocol { get; }

    /// <summary>What <see cref="SendAsync"/> appends: LF for the line protocol, CR LF for IRC.</summary>
    protected abstract string LineEnding { get; }

    /// <summary>Sends one line with the protocol's line ending.</summary>
    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + LineEnding));

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

    /// <summary>Reads the next lines and asserts they are exactly <paramref name="expected"/>, in order.</summary>
    public async Task ExpectAsync(params string[] expected)
    {
        var lines = new List<string>();
        foreach (var _ in expected)
            lines.Add(await ReadLineAsync());
        Assert.Equal(expected, lines);
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

    /// <summary>Closes the socket abruptly, without saying goodbye.</summary>
    public void Drop() => _socket.Close();

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens a TCP connection to 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="port">Server port.</param>
    /// <param name="receiveBufferSize">A small kernel receive buffer makes a non-reading client fill up fast.</param>
    protected static async Task<Socket> OpenSocketAsync(int port, int? receiveBufferSize = null, System.Net.IPAddress? from = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
            socket.ReceiveBufferSize = size;
        // Another loopback source (127.0.0.2) is another client address to the server's limits.
        if (from is not null)
            socket.Bind(new System.Net.IPEndPoint(from, 0));
        await socket.ConnectAsync("127.0.0.1", port);
        return socket;
    }

    /// <summary>
    /// Runs a TLS handshake over <paramref name="socket"/>, accepting whatever certificate the
    /// server presents (the tests check its fingerprint).
    /// </summary>
    /// <param name="socket">A connected socket, owned by the stream from now on.</param>
    /// <param name="clientCertificate">A certificate (with key) to present, or null.</param>
    /// <param name="protocols">The TLS versions to offer; <see cref="SslProtocols.None"/> lets the system choose.</param>
    /// <exception cref="AuthenticationException">The handshake failed.</exception>
    protected static async Task<SslStream> AuthenticateAsync(Socket socket, X509Certificate2? clientCertificate, SslProtocols protocols = SslProtocols.None)
    {
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
            return ssl;
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }
}
