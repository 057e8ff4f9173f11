using System.Buffers;

namespace Parley.Protocols.Irc;

/// <summary>
/// Splits a byte stream into IRC lines with the protocol's two limits: a tag section of at most
/// <see cref="MaxTagBytes"/> and a rest of at most <see cref="MaxLineBytes"/> including CR LF.
/// </summary>
/// <remarks>
/// <para>
/// Line ends: LF ends a line and a CR just before it is dropped, so CR LF and a bare LF both work
/// (RFC 1459 asks for CR LF; many clients and test tools send LF alone). A CR anywhere else is
/// not a line end: it stays in the line and <see cref="IrcMessageParser"/> refuses it as
/// <see cref="IrcParseStatus.InvalidCharacter"/>. Treating a bare CR as a terminator would need
/// the framer to remember a CR at the end of one read to swallow the LF at the start of the
/// next, and no client we know of sends bare CRs.
/// </para>
/// <para>
/// Overlong input: a line whose tag section or rest is over its limit is reported once, as
/// <see cref="IrcFrameStatus.TagsTooLong"/> or <see cref="IrcFrameStatus.LineTooLong"/>, and its
/// bytes up to the next LF are consumed and discarded as they arrive, never buffered; the next
/// line is read normally. The framer never looks further than one limit ahead for a
/// delimiter, so a peer that never sends LF costs at most one line's worth of memory.
/// </para>
/// <para>
/// Holds one bit of state (whether it is discarding an overlong line), so use one framer per
/// connection. Not thread-safe: a connection has one read loop.
/// </para>
/// </remarks>
public sealed class IrcFramer
{
    private bool _discarding;

    /// <summary>Creates a framer.</summary>
    /// <param name="maxTagBytes">
    /// Longest tag section, counting <c>@</c> and the space after it. Defaults to
    /// <see cref="IrcLimits.MaxTagBytes"/> (8,191, IRCv3's total); a server may pass
    /// <see cref="IrcLimits.MaxClientTagBytes"/> (4,096) on client connections.
    /// </param>
    /// <param name="maxLineBytes">
    /// Longest rest of the line after the tags, counting CR LF. Defaults to
    /// <see cref="IrcLimits.MaxLineBytes"/> (512, RFC 1459); a line ended by a bare LF may hold
    /// the same 510 bytes of content, not 511.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxTagBytes"/> is below 2 or <paramref name="maxLineBytes"/> below 3.</exception>
    public IrcFramer(int maxTagBytes = IrcLimits.MaxTagBytes, int maxLineBytes = IrcLimits.MaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTagBytes, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 3);
        MaxTagBytes = maxTagBytes;
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Longest tag section in bytes, counting <c>@</c> and the space after it.</summary>
    public int MaxTagBytes { get; }

    /// <summary>Longest rest of a line in bytes (source, command, parameters), counting CR LF.</summary>
    public int MaxLineBytes { get; }

    /// <summary>Reads the next line from <paramref name="buffer"/> and slices off what it consumed.</summary>
    /// <param name="buffer">
    /// Unconsumed input; on return, the input after what was consumed. On
    /// <see cref="IrcFrameStatus.NeedMoreData"/> nothing was consumed, unless an overlong line is
    /// being discarded: then its bytes seen so far are consumed.
    /// </param>
    /// <param name="line">
    /// On <see cref="IrcFrameStatus.Line"/>, the line without CR LF, to hand to
    /// <see cref="IrcMessageParser"/> before the buffer is advanced.
    /// </param>
    /// <returns>
    /// <see cref="IrcFrameStatus.Line"/>, <see cref="IrcFrameStatus.TagsTooLong"/> or
    /// <see cref="IrcFrameStatus.LineTooLong"/> (once per overlong line), or
    /// <see cref="IrcFrameStatus.NeedMoreData"/> when no complete line is buffered.
    /// </returns>
    public IrcFrameStatus TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        line = default;
        if (_discarding)
        {
            var end = buffer.PositionOf((byte)'\n');
            if (end is null)
            {
                buffer = buffer.Slice(buffer.End);
                return IrcFrameStatus.NeedMoreData;
            }

            buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
            _discarding = false;
        }

        if (buffer.IsEmpty)
            return IrcFrameStatus.NeedMoreData;

        // The tag section ends at the first space; it may be at most MaxTagBytes long with the
        // '@' and that space, so the space must lie within the first MaxTagBytes bytes.
        var rest = buffer;
        if (buffer.FirstSpan[0] == (byte)'@')
        {
            var tagWindow = buffer.Length > MaxTagBytes ? buffer.Slice(0, MaxTagBytes) : buffer;
            var reader = new SequenceReader<byte>(tagWindow);
            if (!reader.TryAdvanceToAny(" \n"u8, advancePastDelimiter: false))
            {
                if (tagWindow.Length < MaxTagBytes)
                    return IrcFrameStatus.NeedMoreData;
                return Discard(ref buffer, tagWindow.End, IrcFrameStatus.TagsTooLong);
            }

            if (reader.IsNext((byte)'\n'))
                return Complete(ref buffer, reader.Position, bodyOffset: -1, out line);
            rest = buffer.Slice(buffer.GetPosition(1, reader.Position));
        }

        // MaxLineBytes counts CR LF, so the LF of a line of MaxLineBytes - 2 bytes of content and
        // CR LF is the last byte of this window.
        var window = rest.Length > MaxLineBytes ? rest.Slice(0, MaxLineBytes) : rest;
        var lf = window.PositionOf((byte)'\n');
        if (lf is null)
        {
            if (window.Length < MaxLineBytes)
                return IrcFrameStatus.NeedMoreData;
            return Discard(ref buffer, window.End, IrcFrameStatus.LineTooLong);
        }

        return Complete(ref buffer, lf.Value, buffer.Length - rest.Length, out line);
    }

    // Consumes the line ending at lf and checks the length of its rest, which starts at
    // bodyOffset (the tag section's length), or is empty when bodyOffset is -1 (tags only).
    private IrcFrameStatus Complete(ref ReadOnlySequence<byte> buffer, SequencePosition lf, long bodyOffset, out ReadOnlySequence<byte> line)
    {
        line = default;
        var content = buffer.Slice(0, lf);
        buffer = buffer.Slice(buffer.GetPosition(1, lf));
        if (content.Length > 0 && content.Slice(content.Length - 1).FirstSpan[0] == (byte)'\r')
            content = content.Slice(0, content.Length - 1);

        // A tags-only line has no rest; otherwise the rest without CR LF is at most MaxLineBytes - 2.
        var bodyLength = bodyOffset < 0 ? 0 : content.Length - bodyOffset;
        if (bodyLength > MaxLineBytes - 2)
            return IrcFrameStatus.LineTooLong;

        line = content;
        return IrcFrameStatus.Line;
    }

    private IrcFrameStatus Discard(ref ReadOnlySequence<byte> buffer, SequencePosition seen, IrcFrameStatus status)
    {
        _discarding = true;
        buffer = buffer.Slice(seen);
        return status;
    }
}
