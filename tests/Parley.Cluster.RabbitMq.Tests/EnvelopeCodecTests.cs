using System.Text.Json;
using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>Events cross as data: every kind has a wire id, and an envelope reads back as written.</summary>
public sealed class EnvelopeCodecTests
{
    [Fact]
    public void Every_event_kind_has_a_wire_id()
    {
        var kinds = typeof(ChatEvent).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(ChatEvent)) && !type.IsAbstract).ToHashSet();

        Assert.True(kinds.Count > 20);
        Assert.Subset(EnvelopeCodec.EventKinds.ToHashSet(), kinds);
        Assert.Equal(kinds.Count, EnvelopeCodec.EventKinds.Distinct().Count());
    }

    [Fact]
    public void A_room_message_with_its_echo_and_audience_reads_back_as_written()
    {
        var message = new RoomMessage(1_733_000_000_000_001, "#dev", "alice", "hello there", new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));
        var sent = new RoomMessageEvent(message, IsEcho: false) { Time = message.Time, FromAccount = "alice", ActorAddress = new UserAddress("alice", "parley"), ClientTags = [new("+draft/reply", "41")] };
        var echo = new RoomMessageEvent(message, IsEcho: true) { Time = message.Time };
        var envelope = new RoutedEnvelope
        {
            Operation = RoutedOperation.Publish, Kind = AudienceKind.RoomMembers, Target = "#dev", ExceptSession = 7, ExceptNick = "alice",
            MinimumRole = MemberRole.Voice, Event = sent, Echo = echo, Key = "room.%23DEV",
        };
        using var codec = new EnvelopeCodec();

        var bytes = codec.Encode(in envelope).ToArray();
        var read = EnvelopeCodec.Decode(bytes);

        Assert.Equal((RoutedOperation.Publish, AudienceKind.RoomMembers, "#dev", 7L, "alice", MemberRole.Voice), (read.Operation, read.Kind, read.Target, read.ExceptSession, read.ExceptNick, read.MinimumRole));
        var readEvent = Assert.IsType<RoomMessageEvent>(read.Event);
        Assert.Equal(Json(sent), Json(readEvent));
        Assert.Equal("#dev", readEvent.Room);
        Assert.True(Assert.IsType<RoomMessageEvent>(read.Echo).IsEcho);
        Assert.Equal(sent.ClientTags, readEvent.ClientTags);
    }

    [Fact]
    public void Presence_and_moderation_events_read_back_as_written()
    {
        ChatEvent[] events =
        [
            new DirectMessageEvent("alice", "bob", "psst") { MessageId = 42, FromAddress = new UserAddress("alice", "parley") },
            new RoomMemberLeftEvent("#dev", "bob", RoomLeaveKind.Kicked, "spam", "alice") { ActorSessionId = 9 },
            new PresenceSummaryEvent(true, 12, ["a", "b"]),
            new NickChangedEvent("bob", "robert"),
            new RoomRoleChangedEvent("#dev", "alice", "bob", MemberRole.Op, true),
        ];
        using var codec = new EnvelopeCodec();
        foreach (var chatEvent in events)
        {
            var read = EnvelopeCodec.Decode(codec.Encode(new RoutedEnvelope { Operation = RoutedOperation.Publish, Kind = AudienceKind.Everyone, Event = chatEvent, Key = "all" }).Span);

            Assert.Equal(chatEvent.GetType(), read.Event!.GetType());
            Assert.Equal(Json(chatEvent), Json(read.Event));
        }
    }

    [Fact]
    public void A_truncated_or_foreign_envelope_is_a_format_error()
    {
        using var codec = new EnvelopeCodec();
        var bytes = codec.Encode(new RoutedEnvelope { Operation = RoutedOperation.Publish, Kind = AudienceKind.Nick, Target = "bob", Event = new DirectMessageEvent("a", "bob", "x"), Key = "nick.BOB" }).ToArray();

        Assert.Throws<FormatException>(() => EnvelopeCodec.Decode(bytes.AsSpan(0, bytes.Length - 3)));
        Assert.Throws<FormatException>(() => EnvelopeCodec.Decode([.. bytes.Take(10)]));
        bytes[0] = 99;
        Assert.Throws<FormatException>(() => EnvelopeCodec.Decode(bytes));
    }

    [Fact]
    public void Routing_keys_fold_case_and_escape_separators_and_wildcards()
    {
        Assert.Equal("nick.BOB", RoutingKeys.Nick("bob"));
        Assert.Equal("room.%23DEV%2EOPS", RoutingKeys.Room("#dev.ops"));
        Assert.Equal("room.%23", RoutingKeys.Room("#"));
        Assert.Equal("room.A%2AB%25", RoutingKeys.Room("a*b%"));
        Assert.Equal("account.12", RoutingKeys.Account(12));
    }

    private static string Json(ChatEvent chatEvent) => JsonSerializer.Serialize(chatEvent, chatEvent.GetType(), ChatEventJsonContext.Default);
}
