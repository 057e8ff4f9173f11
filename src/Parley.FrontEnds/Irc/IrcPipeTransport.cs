using System.Buffers;
using System.IO.Pipelines;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// IRC over a byte stream: <see cref="IrcFramer"/>'s lines, ended by LF or CR LF, with a tag
/// section of at most <see cref="IrcLimits.MaxClientTagBytes"/> (4,096, a client's limit) and a rest
/// of at most 512 bytes with CR LF (RFC 1459; modern.ircdocs.horse). A line over either bound is
/// reported once as <see cref="FrameStatus.TooLong"/> (417) and discarded as it streams past.
/// </summary>
/// <remarks>Not thread-safe beyond <see cref="FrameTransport"/>'s rules: the framer belongs to the read loop.</remarks>
/// <param name="pipe">The connection's pipes, already decrypted when it is TLS.</param>
/// <param name="abort">Drops the underlying connection at once.</param>
internal sealed class IrcPipeTransport(IDuplexPipe pipe, Action abort) : PipeFrameTransport(pipe, abort)
{
    private readonly IrcFramer _framer = new(IrcLimits.MaxClientTagBytes);

    /// <inheritdoc />
    public override FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> frame) =>
        _framer.TryReadLine(ref buffer, out frame) switch
        {
            IrcFrameStatus.Line => FrameStatus.Frame,
            IrcFrameStatus.LineTooLong or IrcFrameStatus.TagsTooLong => FrameStatus.TooLong,
            _ => FrameStatus.NeedMoreData,
        };
}
