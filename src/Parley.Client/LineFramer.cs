using System.Buffers;
using System.Text;

namespace Parley.Client;

/// <summary>Splits LF-terminated UTF-8 lines out of a byte sequence, with a size cap.</summary>
internal static class LineFramer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Takes one line off the front of <paramref name="buffer"/>. Returns <see cref="OperationStatus.Done"/>
    /// with the line (CR before LF dropped, invalid UTF-8 replaced by U+FFFD) and the buffer advanced past
    /// its LF; <see cref="OperationStatus.NeedMoreData"/> with the buffer untouched when there is no LF yet;
    /// <see cref="OperationStatus.InvalidData"/> when the line (or the unterminated tail) exceeds
    /// <paramref name="maxLineBytes"/>: the size is checked before any more data is awaited.
    /// </summary>
    public static OperationStatus TryReadLine(ref ReadOnlySequence<byte> buffer, int maxLineBytes, out string line)
    {
        line = "";
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> bytes, (byte)'\n'))
        {
            return buffer.Length > maxLineBytes ? OperationStatus.InvalidData : OperationStatus.NeedMoreData;
        }

        if (bytes.Length > 0 && bytes.Slice(bytes.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            bytes = bytes.Slice(0, bytes.Length - 1);
        }

        if (bytes.Length > maxLineBytes)
        {
            return OperationStatus.InvalidData;
        }

        line = Utf8.GetString(bytes);
        buffer = buffer.Slice(reader.Position);
        return OperationStatus.Done;
    }
}
