using Parley.Cluster.RabbitMq;
using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Benchmarks.Cluster;

/// <summary>Bytes per event on the wire: the envelope the router publishes (AMQP framing adds about 60 bytes more).</summary>
internal sealed class EnvelopeCodecProbe : IDisposable
{
    private readonly EnvelopeCodec _codec = new();

    public void Report()
    {
        var time = DateTimeOffset.UtcNow;
        var dm = new DirectMessageEvent("alice", "bob", "hello there, how are you?") { Time = time, MessageId = 1_234_567, FromAddress = new UserAddress("alice", "parley") };
        var message = new RoomMessage(1_764_000_000_000_001, "#bench", "alice", "hello there, how are you?", time);
        var room = new RoomMessageEvent(message, IsEcho: false) { Time = time, ActorAddress = new UserAddress("alice", "parley") };
        var echo = new RoomMessageEvent(message, IsEcho: true) { Time = time };
        var dmBytes = _codec.Encode(new RoutedEnvelope { Operation = RoutedOperation.Publish, Kind = AudienceKind.Nick, Target = "bob", Event = dm, Key = "nick.BOB" }).Length;
        var roomBytes = _codec.Encode(new RoutedEnvelope { Operation = RoutedOperation.Publish, Kind = AudienceKind.RoomMembers, Target = "#bench", ExceptNick = "alice", Event = room, Echo = echo, Key = "room.%23BENCH" }).Length;
        Console.WriteLine($"bytes per event (envelope body, 25-character text): DM {dmBytes} B, room message with its echo {roomBytes} B");
    }

    public void Dispose() => _codec.Dispose();
}
