using System.Text;
using Parley.LoadGen.Connections;

namespace Parley.LoadGen.Protocols;

/// <summary>
/// Parley's line protocol (docs/protocol.md): <c>#uN</c> takes a guest nick, registered on the
/// first <c>OK</c> (after the <c>HELLO</c> greeting); <c>@uK:text</c> is a direct message,
/// <c>/join #room</c> joins (complete on <c>OK joined</c>), <c>@#room:text</c> says something in it,
/// <c>/quit</c> leaves. <c>ERR</c> lines are counted as errors. Change this one class when the
/// protocol changes.
/// </summary>
internal sealed class LineAdapter : ProtocolAdapter
{
    /// <inheritdoc />
    public override ReadOnlySpan<byte> NewLine => "\n"u8;

    /// <inheritdoc />
    public override byte[] Registration(int id) => Encoding.ASCII.GetBytes($"#{Nick(id)}\n");

    /// <inheritdoc />
    public override byte[] Join(string room) => Encoding.ASCII.GetBytes($"/join {room}\n");

    /// <inheritdoc />
    public override byte[] Quit() => "/quit\n"u8.ToArray();

    /// <inheritdoc />
    public override int WriteDirectPrefix(Span<byte> destination, int target)
    {
        "@u"u8.CopyTo(destination);
        var n = 2;
        n += WriteNumber(destination[n..], target);
        destination[n++] = (byte)':';
        return n;
    }

    /// <inheritdoc />
    public override int WriteRoomPrefix(Span<byte> destination, string room)
    {
        destination[0] = (byte)'@';
        var n = 1 + WriteAscii(destination[1..], room);
        destination[n++] = (byte)':';
        return n;
    }

    /// <inheritdoc />
    public override void OnControlLine(ClientConnection connection, ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("OK "u8))
        {
            if (!connection.IsRegistered)
                connection.MarkRegistered();
            else if (line.StartsWith("OK joined"u8))
                connection.MarkJoined();
        }
        else if (line.StartsWith("ERR "u8))
        {
            connection.NoteError(line);
            if (!connection.IsRegistered)
                connection.FailRegistration("registration refused: " + Encoding.ASCII.GetString(line));
        }
    }
}
