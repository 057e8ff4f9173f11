using Parley.Core.Events;

namespace Parley.Core.Tests;

public sealed class EventEncoderSlotsTests
{
    [Fact]
    public void Reserve_numbers_forms_in_order_and_gives_a_name_its_slot_again()
    {
        var slots = new EventEncoderSlots(3);

        Assert.Equal(0, slots.Reserve("a"));
        Assert.Equal(1, slots.Reserve("b"));
        Assert.Equal(0, slots.Reserve("a"));
        Assert.Equal(["a", "b"], slots.Reserved);
    }

    [Fact]
    public void Reserve_past_the_capacity_says_which_forms_hold_the_slots()
    {
        var slots = new EventEncoderSlots(2);
        slots.Reserve("line");
        slots.Reserve("irc");

        var refused = Assert.Throws<InvalidOperationException>(() => slots.Reserve("json"));

        Assert.Contains("'json'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("all 2 are reserved (line, irc)", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, slots.Reserve("irc"));
    }

    [Fact]
    public void Reserve_refuses_an_empty_name_and_a_registry_needs_a_slot()
    {
        Assert.Throws<ArgumentException>(() => new EventEncoderSlots(1).Reserve(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventEncoderSlots(0));
    }

    [Fact]
    public void The_shared_registry_holds_as_many_slots_as_an_event_caches()
    {
        Assert.Equal(IEventEncoder.MaxSlots, EventEncoderSlots.Shared.Capacity);
    }

    [Fact]
    public void Concurrent_reservations_of_one_name_get_one_slot()
    {
        var slots = new EventEncoderSlots(IEventEncoder.MaxSlots);

        var got = Enumerable.Range(0, 64).AsParallel().Select(i => slots.Reserve(i % 2 == 0 ? "even" : "odd")).ToArray();

        Assert.Equal(2, got.Distinct().Count());
        Assert.Equal(2, slots.Reserved.Count);
    }
}
