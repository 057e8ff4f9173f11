using System.Buffers;
using System.IO.Pipelines;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// The line protocol over a byte stream: <see cref="LineFramer"/>'s LF-terminated lines of at most
/// 4,096 bytes (docs/protocol.md "Framing"), an overlong line reported once and discarded as it
/// streams past.
/// </summary>
/// <remarks>Not thread-safe beyond <see cref="FrameTransport"/>'s rules: the framer belongs to the read loop.</remarks>
/// <param name="pipe">The connection's pipes.</param>
/// <param name="abort">Drops the underlying connection at once.</param>
internal sealed class LinePipeTransport(IDuplexPipe pipe, Action abort) : PipeFrameTransport(pipe, abort)
{
    private readonly LineFramer _framer = new();

    /// <inheritdoc />
    public override FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        _framer.TryReadLine(ref buffer, out frame) switch
        {
            LineFrameStatus.Line => FrameStatus.Frame,
            LineFrameStatus.LineTooLong => FrameStatus.TooLong,
            _ => FrameStatus.NeedMoreData,
        };
}
