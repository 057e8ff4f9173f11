using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Connections;

/// <summary>
/// One client connection: a socket (or TLS stream over it), one reader loop that splits lines
/// and hands them to the <see cref="ILineHandler"/>, and serialized writes. The counters are
/// written only by the reader loop, so the hot path shares no memory with other connections.
/// </summary>
internal sealed class ClientConnection
{
    private const int MaxLineBuffer = 1 << 20;
    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly ILineHandler _handler;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _buffer;
    private Task? _reader;
    private volatile bool _closed;
    private volatile bool _leaving;

    private ClientConnection(int id, Socket socket, Stream stream, ILineHandler handler, int bufferSize)
    {
        Id = id;
        _socket = socket;
        _stream = stream;
        _handler = handler;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The client's number (its nick is <c>u</c> and this number).</summary>
    public int Id { get; }

    /// <summary>True once either side closed.</summary>
    public bool IsClosed => _closed;

    /// <summary>True once <see cref="CloseAsync"/> began: the server's goodbye (IRC <c>ERROR</c>) is then expected, not an error.</summary>
    public bool IsLeaving => _leaving;

    /// <summary>Completes when the server acknowledged registration; faults when it refused.</summary>
    public Task Registered => _registered.Task;

    /// <summary>True once registration was acknowledged.</summary>
    public bool IsRegistered => _registered.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the server acknowledged the room join.</summary>
    public Task Joined => _joined.Task;

    /// <summary>Every line received.</summary>
    public long LinesReceived { get; set; }

    /// <summary>Payload deliveries received from other clients.</summary>
    public long Deliveries { get; set; }

    /// <summary>Payload deliveries received while the measured window was open.</summary>
    public long WindowDeliveries { get; set; }

    /// <summary>Deliveries of messages sent inside the measured window.</summary>
    public long MeasuredDeliveries { get; set; }

    /// <summary>Deliveries whose sequence number was not above the last one seen from that sender.</summary>
    public long Duplicates { get; set; }

    /// <summary>This client's own messages sent back to it (echoes; never expected, never counted as deliveries).</summary>
    public long Echoes { get; set; }

    /// <summary>Error lines (IRC 4xx/5xx and ERROR, line-protocol ERR).</summary>
    public long Errors { get; set; }

    /// <summary>Payload tokens that did not parse.</summary>
    public long BadTokens { get; set; }

    /// <summary>Bytes read from the server.</summary>
    public long BytesReceived { get; set; }

    /// <summary>Latency of measured deliveries; created on the first.</summary>
    public LatencyHistogram? Latency { get; set; }

    /// <summary>Last sequence number seen per sender, for duplicate detection; created on the first delivery.</summary>
    public Dictionary<int, long>? LastSequence { get; set; }

    /// <summary>The first error line or failure, for the report.</summary>
    public string? FirstError { get; private set; }

    /// <summary>Connects (and shakes hands for TLS) within <paramref name="cancellationToken"/>, then starts the reader loop.</summary>
    /// <exception cref="SocketException">The connection failed.</exception>
    /// <exception cref="OperationCanceledException">It took too long.</exception>
    public static async Task<ClientConnection> ConnectAsync(
        int id, TargetServer target, ILineHandler handler, int bufferSize, CancellationToken cancellationToken)
    {
        var endPoint = target.EndPointOf(id);
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (target.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                var options = new SslClientAuthenticationOptions { TargetHost = target.HostName };
                if (target.AcceptAnyCertificate)
                {
#pragma warning disable CA5359 // --tls-insecure asks for exactly this: a development server's self-signed certificate.
                    options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
                }

                await tls.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
                stream = tls;
            }

            var connection = new ClientConnection(id, socket, stream, handler, bufferSize);
            connection._reader = connection.ReadLoopAsync();
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Marks registration acknowledged.</summary>
    public void MarkRegistered() => _registered.TrySetResult();

    /// <summary>Marks registration refused.</summary>
    public void FailRegistration(string reason) => _registered.TrySetException(new InvalidOperationException(reason));

    /// <summary>Marks the room join acknowledged.</summary>
    public void MarkJoined() => _joined.TrySetResult();

    /// <summary>Counts an error line and keeps the first for the report.</summary>
    public void NoteError(ReadOnlySpan<byte> line)
    {
        Errors++;
        FirstError ??= Encoding.ASCII.GetString(line[..Math.Min(line.Length, 200)]);
    }

    /// <summary>Keeps a failure text for the report.</summary>
    public void NoteFailure(string text)
    {
        Errors++;
        FirstError ??= text;
    }

    /// <summary>Writes a control reply (PONG, a probe answer) without waiting for it.</summary>
    public void SendControl(byte[] data) => _ = SendAsync(data, data.Length).AsTask();

    /// <summary>Writes <paramref name="length"/> bytes of <paramref name="buffer"/>; writes never interleave. A failed write closes the connection.</summary>
    public async ValueTask SendAsync(byte[] buffer, int length)
    {
        if (_closed)
            return;
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            _closed = true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="quit"/> (unless null), half-closes, waits up to <paramref name="wait"/>
    /// for the server to close, then closes.
    /// </summary>
    public async Task CloseAsync(byte[]? quit, TimeSpan wait)
    {
        _leaving = true;
        try
        {
            if (quit is not null)
                await SendAsync(quit, quit.Length).ConfigureAwait(false);
            if (!_closed)
                _socket.Shutdown(SocketShutdown.Send);
            if (_reader is not null)
                await Task.WhenAny(_reader, Task.Delay(wait)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _closed = true;
            _socket.Close(0);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        var filled = 0;
        try
        {
            // Ends when the server closes or the socket is closed: CloseAsync bounds it in time.
            while (true)
            {
                if (filled == _buffer.Length)
                {
                    if (_buffer.Length >= MaxLineBuffer)
                    {
                        // One line longer than 1 MiB: drop it rather than grow without bound.
                        filled = 0;
                        BadTokens++;
                    }
                    else
                    {
                        Array.Resize(ref _buffer, _buffer.Length * 2);
                    }
                }

                var n = await _stream.ReadAsync(_buffer.AsMemory(filled)).ConfigureAwait(false);
                if (n <= 0)
                    break;
                BytesReceived += n;
                filled = ProcessLines(filled + n);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _closed = true;
            _registered.TrySetException(new InvalidOperationException("connection closed"));
            _handler.OnClosed(this);
        }
    }

    /// <summary>Hands every complete line to the handler, keeps the rest at the start of the buffer; returns its length.</summary>
    private int ProcessLines(int filled)
    {
        var now = Stopwatch.GetTimestamp();
        var data = _buffer.AsSpan(0, filled);
        var start = 0;
        while (true)
        {
            var newline = data[start..].IndexOf((byte)'\n');
            if (newline < 0)
                break;
            var line = data.Slice(start, newline);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
                line = line[..^1];
            start += newline + 1;
            LinesReceived++;
            _handler.OnLine(this, line, now);
        }

        var rest = filled - start;
        if (start > 0 && rest > 0)
            data[start..].CopyTo(_buffer);
        return rest;
    }
}
