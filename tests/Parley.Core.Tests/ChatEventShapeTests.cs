using System.Reflection;
using System.Text;
using System.Text.Json;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Tests;

/// <summary>Events are data, so they can cross a process (a backplane between nodes): no live object in any of them.</summary>
public sealed class ChatEventShapeTests
{
    private static readonly Type[] EventTypes =
        [.. typeof(ChatEvent).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(ChatEvent)) && !type.IsAbstract)];

    [Fact]
    public void Every_event_kind_has_only_data_shaped_public_properties()
    {
        Assert.True(EventTypes.Length > 20, "the event kinds were not found");

        Assert.Empty(EventTypes.SelectMany(DataShape.LiveProperties));
    }

    [Fact]
    public void Every_event_kind_has_no_public_field()
    {
        Assert.Empty(EventTypes.SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Instance)).Select(field => $"{field.DeclaringType!.Name}.{field.Name}"));
    }

    [Fact]
    public void A_live_session_or_room_in_an_event_is_caught()
    {
        Assert.Equal(["LiveEvent.Session: Parley.Core.Sessions.ChatSession", "LiveEvent.Rooms: System.Collections.Generic.IReadOnlyList`1[Parley.Core.Rooms.Room]"], DataShape.LiveProperties(typeof(LiveEvent)));
    }

    [Fact]
    public void The_encode_cache_is_transient_not_part_of_the_event()
    {
        // Every field of ChatEvent but the backing field of Time (data, behind its public property).
        var cacheFields = typeof(ChatEvent).GetFields(BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(field => !field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(cacheFields);
        Assert.All(cacheFields, field => Assert.True(field.IsDefined(typeof(NonSerializedAttribute)), $"{field.Name} is not [NonSerialized]"));
    }

    [Fact]
    public void An_event_serialized_after_encoding_carries_its_data_and_encodes_the_same_again()
    {
        var encoder = new DirectTextEncoder();
        var sent = new DirectMessageEvent("alice", "bob", "hi there")
        {
            Time = new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero),
            FromAddress = new UserAddress("alice", "parley"),
            MessageId = 42,
            FromAccount = "alice",
            ClientTags = [new("+draft/reply", "41")],
        };
        var before = sent.GetBytes(encoder).ToArray();

        var json = JsonSerializer.Serialize(sent);
        var received = JsonSerializer.Deserialize<DirectMessageEvent>(json)!;

        Assert.Equal(before, received.GetBytes(encoder).ToArray());
        Assert.Equal(2, encoder.Encodes);
        Assert.Equal((sent.From, sent.To, sent.Text, sent.Time, sent.FromAddress, sent.MessageId, sent.FromAccount), (received.From, received.To, received.Text, received.Time, received.FromAddress, received.MessageId, received.FromAccount));
        Assert.Equal(sent.ClientTags, received.ClientTags);
        Assert.DoesNotContain(Convert.ToBase64String(before), json, StringComparison.Ordinal);
        Assert.Equal("42 alice>bob: hi there", Encoding.UTF8.GetString(before));
    }

    private sealed class DirectTextEncoder : IEventEncoder
    {
        public int Encodes { get; private set; }

        public int Slot => 0;

        public byte[] Encode(ChatEvent chatEvent)
        {
            Encodes++;
            var dm = (DirectMessageEvent)chatEvent;
            return Encoding.UTF8.GetBytes($"{dm.MessageId} {dm.From}>{dm.To}: {dm.Text}");
        }
    }

    private sealed class LiveEvent(ChatSession session) : ChatEvent
    {
        public string Nick { get; } = "alice";

        public ChatSession Session { get; } = session;

        public IReadOnlyList<Rooms.Room> Rooms { get; } = [];
    }
}
