using System.Text;
using Parley.LoadGen.Connections;

namespace Parley.LoadGen.Protocols;

/// <summary>
/// IRC (RFC 2812): <c>NICK</c>/<c>USER</c>, registered on <c>001</c> (RPL_WELCOME); <c>PING</c>
/// answered with <c>PONG</c>; <c>PRIVMSG</c> to a nick or a channel; a <c>JOIN</c> is complete on
/// <c>366</c> (RPL_ENDOFNAMES). Error numerics (4xx and 5xx, except 422 ERR_NOMOTD) are counted.
/// </summary>
internal sealed class IrcAdapter : ProtocolAdapter
{
    /// <inheritdoc />
    public override ReadOnlySpan<byte> NewLine => "\r\n"u8;

    /// <inheritdoc />
    public override byte[] Registration(int id)
    {
        var nick = Nick(id);
        return Encoding.ASCII.GetBytes($"NICK {nick}\r\nUSER {nick} 0 * :{nick}\r\n");
    }

    /// <inheritdoc />
    public override byte[] Join(string room) => Encoding.ASCII.GetBytes($"JOIN {room}\r\n");

    /// <inheritdoc />
    public override byte[] Quit() => "QUIT :bye\r\n"u8.ToArray();

    /// <inheritdoc />
    public override int WriteDirectPrefix(Span<byte> destination, int target)
    {
        "PRIVMSG u"u8.CopyTo(destination);
        var n = 9;
        n += WriteNumber(destination[n..], target);
        " :"u8.CopyTo(destination[n..]);
        return n + 2;
    }

    /// <inheritdoc />
    public override int WriteRoomPrefix(Span<byte> destination, string room)
    {
        "PRIVMSG "u8.CopyTo(destination);
        var n = 8;
        n += WriteAscii(destination[n..], room);
        " :"u8.CopyTo(destination[n..]);
        return n + 2;
    }

    /// <inheritdoc />
    public override void OnControlLine(ClientConnection connection, ReadOnlySpan<byte> line)
    {
        if (line.StartsWith("PING"u8))
        {
            var reply = new byte[line.Length + 2];
            "PONG"u8.CopyTo(reply);
            line[4..].CopyTo(reply.AsSpan(4));
            reply[^2] = (byte)'\r';
            reply[^1] = (byte)'\n';
            connection.SendControl(reply);
            return;
        }

        var rest = line;
        if (!rest.IsEmpty && rest[0] == (byte)'@')
        {
            // IRCv3 message tags come first.
            var tagsEnd = rest.IndexOf((byte)' ');
            if (tagsEnd < 0)
                return;
            rest = rest[(tagsEnd + 1)..];
        }

        if (!rest.IsEmpty && rest[0] == (byte)':')
        {
            var prefixEnd = rest.IndexOf((byte)' ');
            if (prefixEnd < 0)
                return;
            rest = rest[(prefixEnd + 1)..];
        }

        var commandEnd = rest.IndexOf((byte)' ');
        var command = commandEnd < 0 ? rest : rest[..commandEnd];
        if (command.SequenceEqual("001"u8))
        {
            connection.MarkRegistered();
        }
        else if (command.SequenceEqual("366"u8))
        {
            connection.MarkJoined();
        }
        else if (command.SequenceEqual("ERROR"u8))
        {
            // After our QUIT the server says goodbye with ERROR (RFC 2812 3.1.7): not an error.
            if (!connection.IsLeaving)
                connection.NoteError(line);
        }
        else if (command.Length == 3 && (command[0] == (byte)'4' || command[0] == (byte)'5') && !command.SequenceEqual("422"u8))
        {
            connection.NoteError(line);
            if (!connection.IsRegistered && (command.SequenceEqual("433"u8) || command.SequenceEqual("432"u8)))
                connection.FailRegistration("nick refused: " + Encoding.ASCII.GetString(line));
        }
    }
}
