using Parley.Core.Events;
using Parley.FrontEnds;
using Parley.FrontEnds.Irc;
using Parley.FrontEnds.Line;

namespace Parley.Server.IntegrationTests;

/// <summary>The front-ends reserve their event cache slots by name; the core names no protocol.</summary>
public sealed class EncoderSlotsTests
{
    [Fact]
    public void The_line_and_untagged_irc_forms_take_the_slots_an_event_stores_inline()
    {
        Assert.Equal(0, LineEventEncoder.Instance.Slot);
        Assert.Equal(1, new IrcEventEncoder("irc.test", IrcEventTags.None).Slot);
        Assert.Equal(["line", "irc", "irc+time", "irc+tags"], EventEncoderSlots.Shared.Reserved.Take(4));
    }

    [Fact]
    public void Every_cached_form_has_a_slot_of_its_own()
    {
        int[] slots =
        [
            LineEventEncoder.Instance.Slot,
            .. new[] { IrcEventTags.None, IrcEventTags.Time, IrcEventTags.All }.Select(tags => new IrcEventEncoder("irc.test", tags).Slot),
        ];

        Assert.Equal([EncoderSlots.Line, EncoderSlots.IrcPlain, EncoderSlots.IrcTimeTagged, EncoderSlots.IrcAllTags], slots);
        Assert.Equal(slots.Length, slots.Distinct().Count());
        Assert.All(slots, slot => Assert.InRange(slot, 0, IEventEncoder.MaxSlots - 1));
    }

    [Fact]
    public void An_uncached_irc_form_has_no_slot_and_the_cache_refuses_it()
    {
        var encoder = new IrcEventEncoder("irc.test", IrcEventTags.Account);

        Assert.False(encoder.IsCached);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServerNoticeEvent("hi").GetBytes(encoder));
    }
}
