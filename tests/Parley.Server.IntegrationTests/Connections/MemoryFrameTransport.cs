using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Channels;
using Parley.FrontEnds.Connections;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// A message-oriented <see cref="FrameTransport"/> in memory, shaped as a WebSocket one would be
/// (IRCv3 websocket: one line per message, no CR LF): each message the test sends is one frame in,
/// each frame the connection writes is one message out, its terminator dropped. Messages over
/// <c>maxFrameBytes</c> are <see cref="FrameStatus.TooLong"/>.
/// </summary>
internal sealed class MemoryFrameTransport(int maxFrameBytes = 4096) : FrameTransport
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<byte[]> _in = Channel.CreateUnbounded<byte[]>();
    private readonly Channel<string> _out = Channel.CreateUnbounded<string>();
    // Written and not yet flushed; one writer at a time (the outbox hands the writer over under its lock).
    private readonly List<string> _unflushed = [];
    private TaskCompletionSource _readCancelled = NewSignal();
    private volatile bool _aborted;

    /// <summary>Flushes seen, for tests of batching.</summary>
    public int Flushes { get; private set; }

    /// <summary>True once the connection dropped the transport (a slow consumer).</summary>
    public bool Aborted => _aborted;

    /// <summary>Sends one message (one line, no terminator) to the connection.</summary>
    public void Send(string line) => _in.Writer.TryWrite(Encoding.UTF8.GetBytes(line));

    /// <summary>The peer closes: the connection's next read is its last.</summary>
    public void CloseInput() => _in.Writer.TryComplete();

    /// <summary>The next message the connection sent.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        return await _out.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>Messages up to and including the first that <paramref name="last"/> accepts.</summary>
    public async Task<List<string>> ReceiveUntilAsync(Func<string, bool> last)
    {
        var messages = new List<string>();
        while (true)
        {
            var message = await ReceiveAsync();
            messages.Add(message);
            if (last(message))
                return messages;
        }
    }

    /// <summary>Every message until the connection completed its output.</summary>
    public async Task<List<string>> ReceiveAllAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var messages = new List<string>();
        await foreach (var message in _out.Reader.ReadAllAsync(cancel.Token))
            messages.Add(message);
        return messages;
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var cancelled = Volatile.Read(ref _readCancelled);
        var waiting = _in.Reader.WaitToReadAsync(cancellationToken).AsTask();
        if (await Task.WhenAny(waiting, cancelled.Task) == cancelled.Task)
        {
            Interlocked.CompareExchange(ref _readCancelled, NewSignal(), cancelled);
            return new ReadResult(default, isCanceled: true, isCompleted: false);
        }

        if (await waiting && _in.Reader.TryRead(out var message))
            return new ReadResult(new ReadOnlySequence<byte>(message), isCanceled: false, isCompleted: false);
        return new ReadResult(default, isCanceled: false, isCompleted: true);
    }

    // One message is one frame: the whole buffer of one read.
    public override FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame)
    {
        frame = default;
        if (buffer.IsEmpty)
            return FrameStatus.NeedMoreData;
        var message = buffer;
        buffer = buffer.Slice(buffer.End);
        if (message.Length > maxFrameBytes)
            return FrameStatus.TooLong;
        frame = message;
        return FrameStatus.Frame;
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
    }

    public override void CancelPendingRead() => Volatile.Read(ref _readCancelled).TrySetResult();

    public override ValueTask CompleteInputAsync() => ValueTask.CompletedTask;

    public override void WriteFrame(ReadOnlyMemory<byte> frame) =>
        _unflushed.Add(Encoding.UTF8.GetString(WithoutTerminator(frame).Span));

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Flushes++;
        foreach (var message in _unflushed)
            _out.Writer.TryWrite(message);
        _unflushed.Clear();
        return new ValueTask<FlushResult>(new FlushResult(isCanceled: false, isCompleted: _aborted));
    }

    public override ValueTask CompleteOutputAsync()
    {
        _out.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public override void Abort()
    {
        _aborted = true;
        _in.Writer.TryComplete();
        _out.Writer.TryComplete();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
