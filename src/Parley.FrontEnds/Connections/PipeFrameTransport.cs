using System.Buffers;
using System.IO.Pipelines;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// A <see cref="FrameTransport"/> over a byte stream (<see cref="IDuplexPipe"/>: Kestrel's TCP or
/// TLS connection, or an in-memory pipe in tests): a protocol's framer cuts the input into lines,
/// and frames are copied into the output as they are, terminators included (one copy per frame).
/// </summary>
/// <remarks>
/// Every call goes straight to the pipe: <see cref="ReadAsync"/> returns the pipe's own
/// <see cref="ValueTask{TResult}"/>, so this layer holds no async state of its own. Subclasses add
/// only the framer (<c>LinePipeTransport</c>, <c>IrcPipeTransport</c>). Thread-safety as
/// <see cref="FrameTransport"/>.
/// </remarks>
/// <param name="pipe">The connection's pipes.</param>
/// <param name="abort">Drops the underlying connection at once (Kestrel's <c>ConnectionContext.Abort</c>).</param>
internal abstract class PipeFrameTransport(IDuplexPipe pipe, Action abort) : FrameTransport
{
    /// <inheritdoc />
    public sealed override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        pipe.Input.ReadAsync(cancellationToken);

    /// <inheritdoc />
    public sealed override void AdvanceTo(SequencePosition consumed, SequencePosition examined) =>
        pipe.Input.AdvanceTo(consumed, examined);

    /// <inheritdoc />
    public sealed override void CancelPendingRead() => pipe.Input.CancelPendingRead();

    /// <inheritdoc />
    public sealed override ValueTask CompleteInputAsync() => pipe.Input.CompleteAsync();

    /// <inheritdoc />
    public sealed override void WriteFrame(ReadOnlyMemory<byte> frame) => pipe.Output.Write(frame.Span);

    /// <inheritdoc />
    public sealed override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        pipe.Output.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public sealed override ValueTask CompleteOutputAsync() => pipe.Output.CompleteAsync();

    /// <inheritdoc />
    public sealed override void Abort() => abort();
}
