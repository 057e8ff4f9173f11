using System.Buffers.Text;
using System.Globalization;

namespace Parley.LoadGen.Measuring;

/// <summary>
/// The text every generated message carries: <c>~LT{sender}.{seq}.{ticks}~</c> padded with
/// <c>x</c> to the payload size. <c>ticks</c> is <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>
/// at send time; the same process receives it, so latency has no clock skew. Probe messages of
/// the neighbour probe use the marker <c>~LP</c> in the same form.
/// </summary>
internal static class PayloadToken
{
    /// <summary>Longest token without padding: marker, three numbers of at most 20 digits, separators.</summary>
    public const int MaxTokenLength = 3 + 20 + 1 + 20 + 1 + 20 + 1;

    /// <summary>Marker of a measured message.</summary>
    public static ReadOnlySpan<byte> Marker => "~LT"u8;

    /// <summary>Marker of a neighbour-probe message.</summary>
    public static ReadOnlySpan<byte> ProbeMarker => "~LP"u8;

    /// <summary>Bytes a payload of <paramref name="payloadBytes"/> can take at most.</summary>
    public static int MaxLength(int payloadBytes) => Math.Max(payloadBytes, MaxTokenLength);

    /// <summary>Writes marker, token and padding; returns the bytes written (at least <paramref name="payloadBytes"/>).</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> marker, int sender, long sequence, long ticks, int payloadBytes)
    {
        marker.CopyTo(destination);
        var n = marker.Length;
        sender.TryFormat(destination[n..], out var w, default, CultureInfo.InvariantCulture);
        n += w;
        destination[n++] = (byte)'.';
        sequence.TryFormat(destination[n..], out w, default, CultureInfo.InvariantCulture);
        n += w;
        destination[n++] = (byte)'.';
        ticks.TryFormat(destination[n..], out w, default, CultureInfo.InvariantCulture);
        n += w;
        destination[n++] = (byte)'~';
        if (n < payloadBytes)
        {
            destination[n..payloadBytes].Fill((byte)'x');
            n = payloadBytes;
        }

        return n;
    }

    /// <summary>Parses the text after the marker; false when it is not a well-formed token.</summary>
    public static bool TryParse(ReadOnlySpan<byte> afterMarker, out int sender, out long sequence, out long ticks)
    {
        sequence = 0;
        ticks = 0;
        var s = afterMarker;
        if (!Utf8Parser.TryParse(s, out sender, out var used) || sender < 0 || used >= s.Length || s[used] != (byte)'.')
            return false;
        s = s[(used + 1)..];
        if (!Utf8Parser.TryParse(s, out sequence, out used) || sequence < 0 || used >= s.Length || s[used] != (byte)'.')
            return false;
        s = s[(used + 1)..];
        return Utf8Parser.TryParse(s, out ticks, out used) && ticks >= 0 && used < s.Length && s[used] == (byte)'~';
    }
}
