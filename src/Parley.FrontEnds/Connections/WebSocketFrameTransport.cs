using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// A <see cref="FrameTransport"/> over a WebSocket (RFC 6455) as IRCv3's websocket spec uses it
/// (https://ircv3.net/specs/extensions/websocket): one IRC line per message, in and out, without
/// CR LF. Incoming messages may be text or binary (binary.ircv3.net takes any bytes; the IRC
/// parser then refuses what is not UTF-8, as on TCP); outgoing ones are of the negotiated type.
/// </summary>
/// <remarks>
/// <para>Bounds: a message is received into one buffer of at most <see cref="MaxMessageBytes"/>
/// (the client tag section, 4,096 B, plus 510 B of line, plus a tolerated CR LF). A longer one is
/// reported once as <see cref="FrameStatus.TooLong"/> (IRC answers 417), then the input ends and
/// the close frame carries 1009 (Message Too Big). Within it, a line over IRC's limits (tags over
/// 4,096 B, or over 510 B after them) is <see cref="FrameStatus.TooLong"/> too, and the connection
/// stays, as the TCP framer does. A text message that is not UTF-8 is refused by the WebSocket itself with 1007
/// (Invalid Frame Payload Data), and the connection ends.</para>
/// <para>CR and LF: the spec says a message holds no trailing CR or LF; a trailing LF or CR LF is
/// tolerated and dropped (older clients send them); any other CR, LF or NUL inside is the IRC
/// parser's "invalid character", answered and survived as on TCP (it is never relayed, so a
/// WebSocket client cannot inject a second line into a TCP client's stream).</para>
/// <para>Reading: the receive of a message runs on its own; <see cref="CancelPendingRead"/> makes
/// the waiting <see cref="ReadAsync"/> return cancelled without cancelling that receive (a cancelled
/// WebSocket receive aborts the socket, and the close frame is still to be sent). Writing: frames
/// are kept until <see cref="FlushAsync"/>, which sends each as one message, its terminator sliced
/// off (<see cref="FrameTransport.WithoutTerminator"/>: no copy). Thread-safety as
/// <see cref="FrameTransport"/>.</para>
/// </remarks>
internal sealed class WebSocketFrameTransport : FrameTransport
{
    /// <summary>The longest message received: 4,096 B of tags, 510 B of line, and a CR LF tolerated (4,608 B).</summary>
    public const int MaxMessageBytes = Protocols.Irc.IrcLimits.MaxClientTagBytes + Protocols.Irc.IrcLimits.MaxLineBytes;

    // Most lines fit; the buffer doubles up to MaxMessageBytes for those with many tags.
    private const int FirstBufferBytes = 1024;

    // A list grown by a burst is dropped after it is sent, so an idle connection keeps a small one.
    private const int KeptFrames = 64;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly WebSocketMessageType _outgoing;
    private readonly Action _abort;
    private List<ReadOnlyMemory<byte>> _unsent = [];
    private byte[]? _buffer;
    private bool _hasMessage;
    private bool _tooBig;
    private bool _inputEnded;
    private Task<ReadResult>? _receiving;
    private TaskCompletionSource _readCancelled = NewSignal();
    private int _aborted;

    /// <summary>Wraps an accepted WebSocket.</summary>
    /// <param name="socket">The WebSocket, open.</param>
    /// <param name="outgoing">The type of the messages sent: <see cref="WebSocketMessageType.Binary"/> for binary.ircv3.net, else text.</param>
    /// <param name="abort">Drops the underlying connection at once (the HTTP connection's abort).</param>
    public WebSocketFrameTransport(WebSocket socket, WebSocketMessageType outgoing, Action abort)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(abort);
        if (outgoing == WebSocketMessageType.Close)
            throw new ArgumentOutOfRangeException(nameof(outgoing), outgoing, "text or binary");
        _socket = socket;
        _outgoing = outgoing;
        _abort = abort;
    }

    /// <summary>The close status sent when the connection ends: 1000, or 1009 after a message over <see cref="MaxMessageBytes"/>.</summary>
    public WebSocketCloseStatus CloseStatus { get; private set; } = WebSocketCloseStatus.NormalClosure;

    /// <inheritdoc />
    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var cancelled = Volatile.Read(ref _readCancelled);
        if (cancelled.Task.IsCompleted)
            return new ValueTask<ReadResult>(TakeCancellation(cancelled));
        if (_inputEnded)
            return new ValueTask<ReadResult>(new ReadResult(default, isCanceled: false, isCompleted: true));
        var receiving = _receiving ??= ReceiveMessageAsync();
        if (receiving.IsCompleted)
        {
            _receiving = null;
            return new ValueTask<ReadResult>(receiving.Result);
        }

        return WaitAsync(receiving, cancelled, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One message is one frame: the whole buffer of one read.</remarks>
    public override FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (!_hasMessage)
            return FrameStatus.NeedMoreData;
        _hasMessage = false;
        var message = buffer;
        buffer = buffer.Slice(buffer.End);
        if (_tooBig)
            return FrameStatus.TooLong;
        var line = message.FirstSpan[..LengthWithoutTerminator(message.FirstSpan)];
        // IRC's bounds, as the TCP framer applies them: 417, and the connection stays.
        if (IsOverLineLimits(line))
            return FrameStatus.TooLong;
        frame = message.Slice(0, line.Length);
        return FrameStatus.Frame;
    }

    /// <inheritdoc />
    /// <remarks>Nothing to release: the next receive reuses the buffer, and starts only with the next read.</remarks>
    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
    }

    /// <inheritdoc />
    public override void CancelPendingRead() => Volatile.Read(ref _readCancelled).TrySetResult();

    /// <inheritdoc />
    public override ValueTask CompleteInputAsync()
    {
        _inputEnded = true;
        // A receive still running owns the buffer; the garbage collector takes it then.
        if (_receiving is null && _buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override void WriteFrame(ReadOnlyMemory<byte> frame) => _unsent.Add(WithoutTerminator(frame));

    /// <inheritdoc />
    /// <remarks>Completes synchronously while the socket takes each message at once (no allocation); completed (peer gone) on a transport error.</remarks>
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        var unsent = _unsent;
        for (var i = 0; i < unsent.Count; i++)
        {
            ValueTask send;
            try
            {
                send = _socket.SendAsync(unsent[i], _outgoing, endOfMessage: true, cancellationToken);
            }
            catch (Exception e) when (IsTransportGone(e))
            {
                Sent();
                return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: true));
            }

            if (!send.IsCompletedSuccessfully)
                return FinishFlushAsync(send, i + 1, cancellationToken);
        }

        Sent();
        return new ValueTask<FlushResult>(default(FlushResult));
    }

    /// <inheritdoc />
    /// <remarks>Sends the close frame (<see cref="CloseStatus"/>), bounded by 5 s; nothing after an abort.</remarks>
    public override async ValueTask CompleteOutputAsync()
    {
        if (Volatile.Read(ref _aborted) != 0 || _socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await _socket.CloseOutputAsync(CloseStatus, CloseStatus == WebSocketCloseStatus.MessageTooBig ? "IRC line too long" : null, timeout.Token);
        }
        catch (Exception e) when (IsTransportGone(e))
        {
            // Gone already: nothing to close.
        }
    }

    /// <inheritdoc />
    public override void Abort()
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0)
            return;
        _socket.Abort();
        _abort();
    }

    /// <summary>
    /// After the connection ended: waits (at most <paramref name="timeout"/>) for the peer's close
    /// frame, discarding what it still sends, so the TCP close follows the close handshake
    /// (RFC 6455 §7.1.1) and a peer still sending does not get a reset before it read our close.
    /// </summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="connectionClosed">Fires when the peer has closed the TCP connection.</param>
    /// <returns>Completes when the peer closed, the wait timed out or the socket is gone; never throws.</returns>
    public async Task AwaitPeerCloseAsync(TimeSpan timeout, CancellationToken connectionClosed)
    {
        if (Volatile.Read(ref _aborted) != 0)
            return;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(connectionClosed);
        cancel.CancelAfter(timeout);
        try
        {
            if (_socket.State == WebSocketState.Aborted)
            {
                // The WebSocket failed the connection itself (1007, a protocol error) after sending
                // its close frame, and reads no more: give the peer the time to read it and close.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancel.Token);
                return;
            }

            if (_receiving is { } receiving)
            {
                _receiving = null;
                if ((await receiving.WaitAsync(cancel.Token)).IsCompleted)
                    return;
            }

            if (_socket.State != WebSocketState.CloseSent)
                return;
            var scratch = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
            try
            {
                // Cancelling a receive aborts the socket: that is the end of the wait too.
                while ((await _socket.ReceiveAsync(scratch.AsMemory(), cancel.Token)).MessageType != WebSocketMessageType.Close)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
        catch (Exception e) when (IsTransportGone(e) || e is TimeoutException)
        {
            // Timed out or gone: the caller ends the connection either way.
        }
    }

    private static bool IsTransportGone(Exception e) =>
        e is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException
            or Microsoft.AspNetCore.Connections.ConnectionResetException;

    // A tag section over the client's 4,096 bytes (with '@' and its space), or over 510 bytes after it.
    private static bool IsOverLineLimits(ReadOnlySpan<byte> line)
    {
        var bodyStart = 0;
        if (!line.IsEmpty && line[0] == (byte)'@')
        {
            var space = line.IndexOf((byte)' ');
            var tagEnd = space < 0 ? line.Length : space;
            if (tagEnd + 1 > Protocols.Irc.IrcLimits.MaxClientTagBytes)
                return true;
            bodyStart = space < 0 ? line.Length : space + 1;
        }

        return line.Length - bodyStart > Protocols.Irc.IrcLimits.MaxLineBytes - 2;
    }

    private static int LengthWithoutTerminator(ReadOnlySpan<byte> message)
    {
        var length = message.Length;
        if (length > 0 && message[length - 1] == (byte)'\n')
            length--;
        if (length > 0 && message[length - 1] == (byte)'\r')
            length--;
        return length;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReadResult TakeCancellation(TaskCompletionSource cancelled)
    {
        Interlocked.CompareExchange(ref _readCancelled, NewSignal(), cancelled);
        return new ReadResult(default, isCanceled: true, isCompleted: false);
    }

    private async ValueTask<ReadResult> WaitAsync(Task<ReadResult> receiving, TaskCompletionSource cancelled, CancellationToken cancellationToken)
    {
        var first = await Task.WhenAny(receiving, cancelled.Task).WaitAsync(cancellationToken);
        if (first != receiving)
            return TakeCancellation(cancelled);
        _receiving = null;
        return await receiving;
    }

    // One whole message into _buffer; never throws (a transport error or the peer's close ends the input).
    private async Task<ReadResult> ReceiveMessageAsync()
    {
        try
        {
            var buffer = _buffer ??= ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                    _buffer = buffer = Grow(buffer, length);
                var room = Math.Min(buffer.Length, MaxMessageBytes) - length;
                if (room == 0)
                    return TooBig(length);
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length, room), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                    return EndOfInput();
                length += result.Count;
                if (result.EndOfMessage)
                {
                    _hasMessage = true;
                    return new ReadResult(new ReadOnlySequence<byte>(buffer, 0, length), isCanceled: false, isCompleted: false);
                }
            }
        }
        catch (Exception e) when (IsTransportGone(e))
        {
            return EndOfInput();
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxMessageBytes));
        buffer.AsSpan(0, length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    // Over the bound: reported once as one frame too long, then the input ends and the close says 1009.
    private ReadResult TooBig(int length)
    {
        _tooBig = true;
        _hasMessage = true;
        _inputEnded = true;
        CloseStatus = WebSocketCloseStatus.MessageTooBig;
        return new ReadResult(new ReadOnlySequence<byte>(_buffer!, 0, length), isCanceled: false, isCompleted: false);
    }

    private ReadResult EndOfInput()
    {
        _inputEnded = true;
        return new ReadResult(default, isCanceled: false, isCompleted: true);
    }

    private async ValueTask<FlushResult> FinishFlushAsync(ValueTask pending, int next, CancellationToken cancellationToken)
    {
        try
        {
            await pending;
            var unsent = _unsent;
            for (var i = next; i < unsent.Count; i++)
                await _socket.SendAsync(unsent[i], _outgoing, endOfMessage: true, cancellationToken);
        }
        catch (Exception e) when (IsTransportGone(e))
        {
            Sent();
            return new FlushResult(isCanceled: false, isCompleted: true);
        }

        Sent();
        return default;
    }

    private void Sent()
    {
        if (_unsent.Count > KeptFrames)
            _unsent = [];
        else
            _unsent.Clear();
    }
}
