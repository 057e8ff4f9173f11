using System.Globalization;
using System.Text;
using Parley.LoadGen.Connections;

namespace Parley.LoadGen.Protocols;

/// <summary>
/// Turns the workloads' actions (register, join the room, direct message, room message, quit)
/// into bytes on the wire and interprets the lines the server sends that carry no payload token.
/// Any received line holding a payload token is a delivery whatever the protocol, so an adapter
/// only deals with control lines.
/// </summary>
internal abstract class ProtocolAdapter
{
    /// <summary>Line terminator written after every command.</summary>
    public abstract ReadOnlySpan<byte> NewLine { get; }

    /// <summary>The adapter for <paramref name="protocol"/>.</summary>
    public static ProtocolAdapter For(ChatProtocol protocol) => protocol switch
    {
        ChatProtocol.Irc => new IrcAdapter(),
        _ => new LineAdapter(),
    };

    /// <summary>Client <paramref name="id"/>'s nick: <c>u</c> and the id.</summary>
    public static string Nick(int id) => "u" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes written right after connecting (and the TLS handshake).</summary>
    public abstract byte[] Registration(int id);

    /// <summary>Bytes that put a client into <paramref name="room"/>.</summary>
    public abstract byte[] Join(string room);

    /// <summary>Bytes sent before closing.</summary>
    public abstract byte[] Quit();

    /// <summary>Writes the command prefix of a direct message to client <paramref name="target"/>; the payload and newline follow.</summary>
    public abstract int WriteDirectPrefix(Span<byte> destination, int target);

    /// <summary>Writes the command prefix of a message to <paramref name="room"/>; the payload and newline follow.</summary>
    public abstract int WriteRoomPrefix(Span<byte> destination, string room);

    /// <summary>Handles a received line without a payload token: acknowledgements, PING, errors.</summary>
    public abstract void OnControlLine(ClientConnection connection, ReadOnlySpan<byte> line);

    /// <summary>Writes <paramref name="text"/> as ASCII; returns the bytes written.</summary>
    protected static int WriteAscii(Span<byte> destination, string text) => Encoding.ASCII.GetBytes(text, destination);

    /// <summary>Writes <paramref name="value"/> in decimal; returns the bytes written.</summary>
    protected static int WriteNumber(Span<byte> destination, int value)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
