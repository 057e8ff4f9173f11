using System.IO.Pipelines;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// The outbound half of a <see cref="FrameTransport"/>: what the <see cref="Outbox"/> writes to.
/// Frames are written one by one without waiting, then flushed once per burst.
/// </summary>
/// <remarks>
/// Not thread-safe: one writer at a time (the outbox's write loop, or the producer it lets write
/// in its place, never both). A frame is one encoded protocol line as the codec wrote it, its
/// terminator (LF, or CR LF for IRC) included: a byte-stream transport writes it as is, a message
/// transport (WebSocket) drops the terminator (<see cref="FrameTransport.WithoutTerminator"/>).
/// </remarks>
internal interface IFrameWriter
{
    /// <summary>Buffers one frame for the next <see cref="FlushAsync"/>; never waits.</summary>
    /// <param name="frame">Shared, immutable bytes (the same array goes to every recipient): copy or keep, never write to.</param>
    void WriteFrame(ReadOnlyMemory<byte> frame);

    /// <summary>Sends what was written since the last flush.</summary>
    /// <param name="cancellationToken">Ends a flush that waits for the peer.</param>
    /// <returns>Completed or cancelled when the peer is gone and nothing more can be written.</returns>
    ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default);
}
