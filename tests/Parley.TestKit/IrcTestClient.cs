using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace Parley.TestKit;

/// <summary>
/// A raw IRC client over a real socket (plain or TLS): send lines, expect lines, with awaits that
/// time out. Lines are sent with CR LF and read without it.
/// </summary>
public sealed class IrcTestClient : IAsyncDisposable
{
    /// <summary>How long any expected line may take before the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly StreamReader _reader;
    private int _drains;

    private IrcTestClient(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _reader = new StreamReader(_stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 4096);
    }

    /// <summary>The nick registered with <see cref="RegisterAsync"/>.</summary>
    public string Nick { get; private set; } = "*";

    /// <summary>The fingerprint (<c>SHA256:HEX</c>) of the server's certificate, or null on a plain connection.</summary>
    public string? ServerCertificateFingerprint { get; private init; }

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; IRC servers send nothing until the client speaks.</summary>
    /// <param name="port">The server's IRC port.</param>
    /// <param name="receiveBufferSize">A small kernel receive buffer makes a non-reading client fill up fast.</param>
    public static async Task<IrcTestClient> ConnectAsync(int port, int? receiveBufferSize = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (receiveBufferSize is { } size)
            socket.ReceiveBufferSize = size;
        await socket.ConnectAsync("127.0.0.1", port);
        return new IrcTestClient(socket, new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>Connects over TLS, accepting whatever certificate the server presents (tests check its fingerprint).</summary>
    /// <param name="port">The server's IRC TLS port.</param>
    /// <param name="clientCertificate">A client certificate to present (SASL EXTERNAL), or null.</param>
    public static async Task<IrcTestClient> ConnectTlsAsync(int port, X509Certificate2? clientCertificate = null)
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
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null,
                    ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                    LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
                },
                timeout.Token);
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }

        return new IrcTestClient(socket, ssl)
        {
            ServerCertificateFingerprint = TestCertificates.Fingerprint(new X509Certificate2(ssl.RemoteCertificate!)),
        };
    }

    /// <summary>Sends NICK and USER and reads up to the end of the MOTD (376 or 422); returns the lines read.</summary>
    public async Task<List<string>> RegisterAsync(string nick, string user = "u", string realName = "Real Name")
    {
        await SendAsync($"NICK {nick}");
        await SendAsync($"USER {user} 0 * :{realName}");
        var (last, before) = await WaitForAsync(l => IsNumeric(l, "376") || IsNumeric(l, "422") || IsNumeric(l, "433") || IsNumeric(l, "432"));
        if (!IsNumeric(last, "376") && !IsNumeric(last, "422"))
            throw new InvalidOperationException($"registration refused: {last}");
        Nick = nick;
        before.Add(last);
        return before;
    }

    /// <summary>Whether <paramref name="line"/> (without tags) is numeric <paramref name="numeric"/>.</summary>
    public static bool IsNumeric(string line, string numeric) => Command(line) == numeric;

    /// <summary>The command of a line: the word after the optional tags and source.</summary>
    public static string Command(string line)
    {
        var words = WithoutTags(line).Split(' ');
        return words[0].StartsWith(':') && words.Length > 1 ? words[1] : words[0];
    }

    /// <summary>The line without its tag section.</summary>
    public static string WithoutTags(string line) =>
        line.StartsWith('@') && line.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? line[(space + 1)..] : line;

    /// <summary>Sends one line; CR LF is appended.</summary>
    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    /// <summary>Sends bytes exactly as given.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _stream.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Reads the next line; fails on timeout or when the server closed the connection.</summary>
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

    /// <summary>
    /// Round-trips a PING with a fresh token and returns the lines that arrived before its PONG:
    /// proof that nothing else is pending (the server answers in order).
    /// </summary>
    public async Task<List<string>> DrainAsync()
    {
        var token = "drain" + Interlocked.Increment(ref _drains);
        await SendAsync("PING " + token);
        var (_, before) = await WaitForAsync(l => Command(l) == "PONG" && l.EndsWith(token, StringComparison.Ordinal));
        return before;
    }

    /// <summary>Closes the socket abruptly, without QUIT.</summary>
    public void Drop() => _socket.Close();

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
    }
}
