using System.Buffers;

namespace Parley.Protocols.Line;

/// <summary>
/// Splits a byte stream into LF-terminated lines of bounded length, as docs/protocol.md
/// "Framing" specifies: a CR before the LF is dropped, and a line longer than
/// <see cref="MaxLineBytes"/> is reported once as <see cref="LineFrameStatus.LineTooLong"/> and its
/// bytes up to the next LF are discarded without being buffered.
/// </summary>
/// <remarks>
/// Holds one bit of state (whether it is discarding an overlong line), so use one framer per
/// connection. Not thread-safe: a connection has one read loop.
/// </remarks>
public sealed class LineFramer
{
    /// <summary>The protocol's line limit: 4,096 bytes of UTF-8, not counting CR/LF.</summary>
    public const int DefaultMaxLineBytes = 4096;

    private bool _discarding;

    /// <summary>Creates a framer.</summary>
    /// <param name="maxLineBytes">Longest accepted line in bytes, without its terminator. Defaults to 4,096.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineBytes"/> is less than 1.</exception>
    public LineFramer(int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Longest accepted line in bytes, without its terminator.</summary>
    public int MaxLineBytes { get; }

    /// <summary>
    /// Reads the next line from <paramref name="buffer"/> and slices off what it consumed.
    /// </summary>
    /// <param name="buffer">Unconsumed input; on return, the input after what was consumed.</param>
    /// <param name="line">On <see cref="LineFrameStatus.Line"/>, the line without CR/LF.</param>
    /// <returns>
    /// <see cref="LineFrameStatus.Line"/> when a line was read; <see cref="LineFrameStatus.LineTooLong"/>
    /// once per overlong line; <see cref="LineFrameStatus.NeedMoreData"/> when the buffer holds no
    /// complete line (whatever is left must be offered again with more data).
    /// </returns>
    public LineFrameStatus TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        if (_discarding)
        {
            var end = buffer.PositionOf((byte)'\n');
            if (end is null)
            {
                buffer = buffer.Slice(buffer.End);
                return LineFrameStatus.NeedMoreData;
            }

            buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
            _discarding = false;
        }

        // Look no further than the limit plus CR and LF: the bound keeps a hostile peer from
        // making us scan or hold more than one line's worth.
        var window = buffer.Length > MaxLineBytes + 2 ? buffer.Slice(0, MaxLineBytes + 2) : buffer;
        var lf = window.PositionOf((byte)'\n');
        if (lf is null)
        {
            if (window.Length < MaxLineBytes + 2)
                return LineFrameStatus.NeedMoreData;

            _discarding = true;
            buffer = buffer.Slice(window.End);
            return LineFrameStatus.LineTooLong;
        }

        var content = buffer.Slice(0, lf.Value);
        buffer = buffer.Slice(buffer.GetPosition(1, lf.Value));
        if (content.Length > 0 && EndsWithCr(content))
            content = content.Slice(0, content.Length - 1);

        if (content.Length > MaxLineBytes)
            return LineFrameStatus.LineTooLong;

        line = content;
        return LineFrameStatus.Line;
    }

    private static bool EndsWithCr(in ReadOnlySequence<byte> content)
    {
        var last = content.Slice(content.Length - 1);
        return last.FirstSpan[0] == (byte)'\r';
    }
}
