using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// A real WebSocket client (<see cref="ClientWebSocket"/>) for <c>/ws</c>: one IRC line per
/// message, as IRCv3's websocket spec has it. Every wait is bounded by a timeout.
/// </summary>
internal sealed class WebSocketTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly HttpMessageInvoker _invoker;
    private readonly byte[] _buffer = new byte[64 * 1024];

    private WebSocketTestClient(ClientWebSocket socket, HttpMessageInvoker invoker)
    {
        _socket = socket;
        _invoker = invoker;
    }

    /// <summary>The subprotocol the server answered with, or null.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>The socket's state.</summary>
    public WebSocketState State => _socket.State;

    /// <summary>The close status the server sent, once a close was received.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>The type of the last data message received.</summary>
    public WebSocketMessageType LastMessageType { get; private set; }

    /// <summary>Opens a WebSocket to <paramref name="uri"/>.</summary>
    /// <param name="uri">ws://127.0.0.1:port/ws or wss://...</param>
    /// <param name="subprotocols">Offered, in order of preference.</param>
    /// <param name="origin">The Origin header, or null for none.</param>
    /// <param name="pinned">For wss: the only server certificate accepted.</param>
    /// <param name="receiveBufferSize">The client socket's receive buffer (a small one makes a slow reader).</param>
    /// <param name="keepAlive">The client's own pings (with a pong timeout), or null for none.</param>
    /// <param name="cookie">A Cookie header for the upgrade (<c>parley_session=...</c>), or null for none.</param>
    /// <exception cref="WebSocketException">The upgrade was refused; <see cref="RefusedStatusAsync"/> reads the status.</exception>
    public static async Task<WebSocketTestClient> ConnectAsync(
        Uri uri, string[]? subprotocols = null, string? origin = null, X509Certificate2? pinned = null, int? receiveBufferSize = null,
        TimeSpan? keepAlive = null, string? cookie = null)
    {
        var (socket, invoker) = Create(subprotocols, origin, pinned, receiveBufferSize, keepAlive);
        if (cookie is not null)
            socket.Options.SetRequestHeader("Cookie", cookie);
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        try
        {
            await socket.ConnectAsync(uri, invoker, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            throw;
        }

        return new WebSocketTestClient(socket, invoker);
    }

    /// <summary>Tries an upgrade that should be refused, and returns the HTTP status the server answered with.</summary>
    public static async Task<HttpStatusCode> RefusedStatusAsync(Uri uri, string[]? subprotocols = null, string? origin = null)
    {
        var (socket, invoker) = Create(subprotocols, origin, null, null, null);
        using (socket)
        using (invoker)
        {
            using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, invoker, timeout.Token));
            return socket.HttpStatusCode;
        }
    }

    /// <summary>Sends one line as a text message.</summary>
    public Task SendAsync(string line) => SendBytesAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text);

    /// <summary>Sends raw bytes as one message of <paramref name="type"/>.</summary>
    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType type)
    {
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        await _socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>The next data message as text; throws <see cref="WebSocketClosedException"/> when the server closed instead.</summary>
    public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TestConnection.DefaultTimeout);
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // As a browser does: the close is echoed (RFC 6455 §5.5.1).
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancel.Token);
                }
                catch (WebSocketException)
                {
                    // The server dropped the TCP connection already.
                }

                throw new WebSocketClosedException(_socket.CloseStatus);
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                LastMessageType = result.MessageType;
                return Encoding.UTF8.GetString(_buffer, 0, length);
            }
        }
    }

    /// <summary>Messages until one matches; returns it and the ones before.</summary>
    public async Task<(string Line, List<string> Skipped)> WaitForAsync(Func<string, bool> match)
    {
        var skipped = new List<string>();
        while (true)
        {
            var line = await ReceiveAsync();
            if (match(line))
                return (line, skipped);
            skipped.Add(line);
        }
    }

    /// <summary>Reads messages until the server's close frame; returns them and the close status.</summary>
    public async Task<(List<string> Lines, WebSocketCloseStatus? Status)> ReadUntilClosedAsync()
    {
        var lines = new List<string>();
        try
        {
            while (true)
                lines.Add(await ReceiveAsync());
        }
        catch (WebSocketClosedException closed)
        {
            return (lines, closed.Status);
        }
    }

    /// <summary>Sends NICK and USER and reads up to the end of the MOTD (376 or 422).</summary>
    public async Task RegisterAsync(string nick)
    {
        await SendAsync($"NICK {nick}");
        await SendAsync("USER u 0 * :Web User");
        var (last, _) = await WaitForAsync(l => IrcTestClient.IsNumeric(l, "376") || IrcTestClient.IsNumeric(l, "422") || IrcTestClient.IsNumeric(l, "433"));
        if (IrcTestClient.IsNumeric(last, "433"))
            throw new InvalidOperationException($"registration refused: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
            {
                // Gone already.
            }
        }

        _socket.Dispose();
        _invoker.Dispose();
    }

    private static (ClientWebSocket Socket, HttpMessageInvoker Invoker) Create(
        string[]? subprotocols, string? origin, X509Certificate2? pinned, int? receiveBufferSize, TimeSpan? keepAlive)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                if (receiveBufferSize is { } size)
                    socket.ReceiveBufferSize = size;
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (pinned is not null)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == pinned.GetCertHashString();
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        foreach (var protocol in subprotocols ?? [])
            socket.Options.AddSubProtocol(protocol);
        if (origin is not null)
            socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.KeepAliveInterval = keepAlive ?? TimeSpan.Zero;
        if (keepAlive is { } interval)
            socket.Options.KeepAliveTimeout = interval * 4;
        return (socket, new HttpMessageInvoker(handler));
    }
}
