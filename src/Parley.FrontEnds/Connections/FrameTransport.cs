using System.Buffers;
using System.IO.Pipelines;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// A connection's transport as frames: one protocol line per frame, in and out. Everything above
/// it (<see cref="FrameConnection"/>, the protocols, the <see cref="Outbox"/>) is message-oriented,
/// so a TCP byte stream cut into lines (<see cref="PipeFrameTransport"/>) and a WebSocket (one IRC
/// line per message, IRCv3's websocket spec) share all of it.
/// </summary>
/// <remarks>
/// <para>Reading is the pipe's own shape, so the pipe implementation adds no await of its own (no
/// async state machine per connection, docs/architecture.md "A connection's way in"):
/// <see cref="ReadAsync"/> waits for input, <see cref="TryReadFrame"/> takes frames from it one by
/// one without waiting, and <see cref="AdvanceTo"/> releases what was taken. A message transport
/// returns each message as the whole buffer of one read and <see cref="TryReadFrame"/> gives it as
/// one frame (<see cref="FrameStatus.TooLong"/> when it passes the protocol's bound).</para>
/// <para>Writing (<see cref="IFrameWriter"/>): frames as the codecs encoded them, terminator
/// included; see <see cref="IFrameWriter"/> for who drops it.</para>
/// <para>Not thread-safe: one read loop reads, one writer writes (the outbox makes sure);
/// <see cref="CancelPendingRead"/> and <see cref="Abort"/> may be called from any thread.</para>
/// </remarks>
internal abstract class FrameTransport : IFrameWriter
{
    /// <summary>Waits for input; the result's buffer is handed to <see cref="TryReadFrame"/>.</summary>
    /// <param name="cancellationToken">Ends the wait (with an <see cref="OperationCanceledException"/>).</param>
    /// <returns>The input not yet consumed; completed when the peer closed, cancelled after <see cref="CancelPendingRead"/>.</returns>
    public abstract ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes the next frame from <paramref name="buffer"/> and slices off what it consumed; never waits.</summary>
    /// <param name="buffer">Input from <see cref="ReadAsync"/>; on return, what is left of it.</param>
    /// <param name="frame">On <see cref="FrameStatus.Frame"/>, the frame without its terminator, valid until <see cref="AdvanceTo"/>.</param>
    /// <returns>A frame, a frame over the bound (reported once, discarded), or the need for more input.</returns>
    public abstract FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame);

    /// <summary>Releases the input before <paramref name="consumed"/>; what lies up to <paramref name="examined"/> was looked at.</summary>
    /// <param name="consumed">Where the unread input starts.</param>
    /// <param name="examined">How far the input was examined (the next read waits for more beyond it).</param>
    public abstract void AdvanceTo(SequencePosition consumed, SequencePosition examined);

    /// <summary>Makes a pending or the next <see cref="ReadAsync"/> return cancelled; any thread.</summary>
    public abstract void CancelPendingRead();

    /// <summary>Tells the transport nothing more will be read.</summary>
    /// <returns>A task that completes when the input side is released.</returns>
    public abstract ValueTask CompleteInputAsync();

    /// <inheritdoc />
    public abstract void WriteFrame(ReadOnlyMemory<byte> frame);

    /// <inheritdoc />
    public abstract ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells the transport nothing more will be written (after the last flush).</summary>
    /// <returns>A task that completes when the output side is released.</returns>
    public abstract ValueTask CompleteOutputAsync();

    /// <summary>Drops the connection at once, unsent frames and all (a slow consumer); any thread.</summary>
    public abstract void Abort();

    /// <summary>
    /// <paramref name="frame"/> without its line terminator (a final LF, and a CR before it), for a
    /// message transport: a slice, no copy, so the bytes encoded once for the byte streams serve it too.
    /// </summary>
    /// <param name="frame">An encoded line.</param>
    /// <returns>The line's content.</returns>
    public static ReadOnlyMemory<byte> WithoutTerminator(ReadOnlyMemory<byte> frame)
    {
        var span = frame.Span;
        var length = span.Length;
        if (length > 0 && span[length - 1] == (byte)'\n')
            length--;
        if (length > 0 && span[length - 1] == (byte)'\r')
            length--;
        return frame[..length];
    }
}
