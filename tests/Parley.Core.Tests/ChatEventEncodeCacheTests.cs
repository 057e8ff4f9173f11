using System.Text;
using Parley.Core.Events;

namespace Parley.Core.Tests;

public sealed class ChatEventEncodeCacheTests
{
    [Fact]
    public void GetBytes_encodes_once_per_slot_and_keeps_every_slot_apart()
    {
        var chatEvent = new ServerNoticeEvent("hello");
        var encoders = Enumerable.Range(0, IEventEncoder.MaxSlots).Select(slot => new SlotEncoder(slot)).ToArray();

        foreach (var encoder in encoders)
        {
            Assert.Equal($"slot {encoder.Slot}", Encoding.UTF8.GetString(chatEvent.GetBytes(encoder).Span));
            Assert.Equal($"slot {encoder.Slot}", Encoding.UTF8.GetString(chatEvent.GetBytes(encoder).Span));
        }

        Assert.All(encoders, e => Assert.Equal(1, e.Encodes));
    }

    [Fact]
    public void GetBytes_refuses_a_slot_out_of_range()
    {
        var chatEvent = new ServerNoticeEvent("hello");

        Assert.Throws<ArgumentOutOfRangeException>(() => chatEvent.GetBytes(new SlotEncoder(IEventEncoder.MaxSlots)));
        Assert.Throws<ArgumentOutOfRangeException>(() => chatEvent.GetBytes(new SlotEncoder(-1)));
    }

    private sealed class SlotEncoder(int slot) : IEventEncoder
    {
        public int Encodes { get; private set; }

        public int Slot => slot;

        public byte[] Encode(ChatEvent chatEvent)
        {
            Encodes++;
            return Encoding.UTF8.GetBytes($"slot {slot}");
        }
    }
}
