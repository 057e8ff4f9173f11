using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// The wire form of a <see cref="RoutedEnvelope"/>: a small binary header (version, operation,
/// audience, the parts left out) and each event as UTF-8 JSON after a one-byte kind
/// (<see cref="EventKinds"/>). Bounded: every length is checked against what is left.
/// Not thread-safe (one per publisher loop; reading is static).
/// </summary>
internal sealed class EnvelopeCodec : IDisposable
{
    /// <summary>The format's version, the first byte; a node refuses others.</summary>
    public const byte Version = 1;

    private const byte NoEvent = 0xFF;
    private const ushort NullString = 0xFFFF;

    /// <summary>The event kinds, by wire id (their index): append only, never reorder.</summary>
    internal static readonly Type[] EventKinds =
    [
        typeof(DirectMessageEvent), typeof(RoomMessageEvent), typeof(EchoEvent), typeof(TagMessageEvent),
        typeof(RoomTagMessageEvent), typeof(BroadcastEvent), typeof(ServerNoticeEvent), typeof(MissedMessageEvent),
        typeof(UserJoinedEvent), typeof(UserLeftEvent), typeof(NickChangedEvent), typeof(PresenceSummaryEvent),
        typeof(AwayChangedEvent), typeof(AccountChangedEvent), typeof(RealNameChangedEvent), typeof(HostChangedEvent),
        typeof(ReadMarkerEvent), typeof(DirectMessageRedactedEvent), typeof(RoomMemberJoinedEvent), typeof(RoomMemberLeftEvent),
        typeof(RoomTopicChangedEvent), typeof(RoomModeChangedEvent), typeof(RoomRoleChangedEvent), typeof(RoomBanChangedEvent),
        typeof(RoomInviteEvent), typeof(RoomRegistrationChangedEvent), typeof(RoomMessageRedactedEvent),
    ];

    private static readonly JsonTypeInfo[] Infos = [.. EventKinds.Select(type => ChatEventJsonContext.Default.GetTypeInfo(type)!)];
    private static readonly Dictionary<Type, byte> Ids = EventKinds.Select((type, id) => (type, id)).ToDictionary(p => p.type, p => (byte)p.id);

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>A codec with its own reused buffer.</summary>
    public EnvelopeCodec() => _json = new Utf8JsonWriter(_buffer);

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();

    /// <summary>Encodes <paramref name="envelope"/>; the bytes are valid until the next call.</summary>
    public ReadOnlyMemory<byte> Encode(in RoutedEnvelope envelope)
    {
        _buffer.ResetWrittenCount();
        var head = _buffer.GetSpan(20);
        head[0] = Version;
        head[1] = (byte)envelope.Operation;
        head[2] = (byte)envelope.Kind;
        head[3] = (byte)envelope.MinimumRole;
        BinaryPrimitives.WriteInt64LittleEndian(head[4..], envelope.AccountId);
        BinaryPrimitives.WriteInt64LittleEndian(head[12..], envelope.ExceptSession);
        _buffer.Advance(20);
        WriteString(envelope.Target);
        WriteString(envelope.ExceptNick);
        WriteString(envelope.Reason);
        var rooms = envelope.Rooms ?? [];
        WriteUInt16((ushort)Math.Min(rooms.Length, ushort.MaxValue));
        for (var i = 0; i < rooms.Length && i < ushort.MaxValue; i++)
            WriteString(rooms[i]);
        WriteEvent(envelope.Event);
        WriteEvent(envelope.Echo);
        // Replica data last: a node that knows no replica reads the envelope without it.
        if (envelope.Replica is { } replica)
            WriteJson(replica, ChatEventJsonContext.Default.ReplicaPayload);
        return _buffer.WrittenMemory;
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote.</summary>
    /// <exception cref="FormatException">The bytes are not an envelope of this version.</exception>
    public static RoutedEnvelope Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20)
            throw new FormatException($"an envelope is at least 20 bytes, this one {bytes.Length}");
        if (bytes[0] != Version)
            throw new FormatException($"envelope version {bytes[0]}, this node reads {Version}");
        var operation = (RoutedOperation)bytes[1];
        var kind = (AudienceKind)bytes[2];
        var role = (MemberRole)bytes[3];
        var account = BinaryPrimitives.ReadInt64LittleEndian(bytes[4..]);
        var except = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
        var rest = bytes[20..];
        var target = ReadString(ref rest);
        var exceptNick = ReadString(ref rest);
        var reason = ReadString(ref rest);
        var count = ReadUInt16(ref rest);
        string[]? rooms = count == 0 ? null : new string[count];
        for (var i = 0; i < count; i++)
            rooms![i] = ReadString(ref rest) ?? throw new FormatException("a room name is null");
        var chatEvent = ReadEvent(ref rest);
        var echo = ReadEvent(ref rest);
        var replica = rest.IsEmpty ? null : ReadReplica(ref rest);
        return new RoutedEnvelope
        {
            Operation = operation, Kind = kind, MinimumRole = role, AccountId = account, ExceptSession = except,
            Target = target, ExceptNick = exceptNick, Reason = reason, Rooms = rooms, Event = chatEvent, Echo = echo, Key = "",
            Replica = replica,
        };
    }

    private void WriteEvent(ChatEvent? chatEvent)
    {
        if (chatEvent is null)
        {
            _buffer.GetSpan(1)[0] = NoEvent;
            _buffer.Advance(1);
            return;
        }

        var id = Ids.TryGetValue(chatEvent.GetType(), out var known) ? known
            : throw new ArgumentException($"{chatEvent.GetType().Name} has no wire id in {nameof(EnvelopeCodec)}.{nameof(EventKinds)}", nameof(chatEvent));
        _buffer.GetSpan(1)[0] = id;
        _buffer.Advance(1);
        WriteJson(chatEvent, Infos[id]);
    }

    // A 4-byte length, filled in once the JSON is written, then the JSON.
    private void WriteJson(object value, JsonTypeInfo info)
    {
        var lengthAt = _buffer.WrittenCount;
        _buffer.GetSpan(4);
        _buffer.Advance(4);
        _json.Reset(_buffer);
        JsonSerializer.Serialize(_json, value, info);
        _json.Flush();
        var length = _buffer.WrittenCount - lengthAt - 4;
        BinaryPrimitives.WriteInt32LittleEndian(System.Runtime.InteropServices.MemoryMarshal.AsMemory(_buffer.WrittenMemory).Span[lengthAt..], length);
    }

    private static ReplicaPayload ReadReplica(ref ReadOnlySpan<byte> rest)
    {
        var json = ReadJson(ref rest);
        try
        {
            return JsonSerializer.Deserialize(json, ChatEventJsonContext.Default.ReplicaPayload) ?? throw new FormatException("a replica payload is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"a replica payload is not valid JSON: {e.Message}", e);
        }
    }

    private static ReadOnlySpan<byte> ReadJson(ref ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 4)
            throw new FormatException("the envelope ends inside a length");
        var length = BinaryPrimitives.ReadInt32LittleEndian(rest);
        rest = rest[4..];
        if (length < 0 || length > rest.Length)
            throw new FormatException($"a value of {length} bytes does not fit the {rest.Length} left");
        var json = rest[..length];
        rest = rest[length..];
        return json;
    }

    private static ChatEvent? ReadEvent(ref ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty)
            throw new FormatException("the envelope ends before an event");
        var id = rest[0];
        rest = rest[1..];
        if (id == NoEvent)
            return null;
        if (id >= Infos.Length)
            throw new FormatException($"event kind {id} is unknown here (this node knows {Infos.Length})");
        var json = ReadJson(ref rest);
        try
        {
            return (ChatEvent?)JsonSerializer.Deserialize(json, Infos[id]) ?? throw new FormatException("an event is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"a {EventKinds[id].Name} is not valid JSON: {e.Message}", e);
        }
    }

    private void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    private void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUInt16(NullString);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        if (length >= NullString)
            throw new ArgumentException($"a name of {length} bytes is too long for an envelope", nameof(value));
        WriteUInt16((ushort)length);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
    }

    private static ushort ReadUInt16(ref ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 2)
            throw new FormatException("the envelope ends inside a length");
        var value = BinaryPrimitives.ReadUInt16LittleEndian(rest);
        rest = rest[2..];
        return value;
    }

    private static string? ReadString(ref ReadOnlySpan<byte> rest)
    {
        var length = ReadUInt16(ref rest);
        if (length == NullString)
            return null;
        if (length > rest.Length)
            throw new FormatException($"a string of {length} bytes does not fit the {rest.Length} left");
        var value = Encoding.UTF8.GetString(rest[..length]);
        rest = rest[length..];
        return value;
    }
}
