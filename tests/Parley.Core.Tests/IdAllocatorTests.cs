using Microsoft.Extensions.Time.Testing;
using Parley.Core.Cluster;
using Parley.Core.Rooms;

namespace Parley.Core.Tests;

public sealed class IdAllocatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_process_alone_gets_the_ids_it_always_had()
    {
        var time = new FakeTimeProvider(Start);
        var ids = new InProcessIdAllocator(time);

        Assert.Equal([1L, 2L, 3L], [ids.NextSessionId(), ids.NextSessionId(), ids.NextSessionId()]);
        var ms = Start.ToUnixTimeMilliseconds() * 1000;
        Assert.Equal([ms, ms + 1, ms + 2], [ids.NextRoomMessageId(), ids.NextRoomMessageId(), ids.NextRoomMessageId()]);
    }

    [Fact]
    public void Room_message_ids_stay_above_the_largest_stored_when_the_clock_stepped_back()
    {
        var time = new FakeTimeProvider(Start);
        var stored = (Start.ToUnixTimeMilliseconds() + 60_000) * 1000;

        Assert.Equal(stored + 1, new InProcessIdAllocator(time, stored).NextRoomMessageId());
    }

    [Fact]
    public void Two_nodes_never_make_the_same_id_even_in_one_millisecond()
    {
        var time = new FakeTimeProvider(Start);
        var stored = Start.ToUnixTimeMilliseconds() * 1000 + 7;
        var nodes = Enumerable.Range(0, 3).Select(node => new InProcessIdAllocator(time, stored, node, nodes: 3)).ToArray();

        var sessions = nodes.SelectMany(node => Enumerable.Range(0, 1000).Select(_ => node.NextSessionId())).ToList();
        var messages = nodes.Select(node => Enumerable.Range(0, 2000).Select(_ => node.NextRoomMessageId()).ToList()).ToList();

        Assert.Equal(sessions.Count, sessions.Distinct().Count());
        Assert.Equal(3 * 2000, messages.SelectMany(list => list).Distinct().Count());
        for (var node = 0; node < 3; node++)
        {
            Assert.All(messages[node], id => Assert.Equal(node, id % 3));
            Assert.All(messages[node], id => Assert.True(id > stored));
            Assert.True(messages[node].Zip(messages[node].Skip(1)).All(pair => pair.First < pair.Second));
        }
    }

    [Fact]
    public void A_session_id_carries_its_node_number()
    {
        var ids = new InProcessIdAllocator(TimeProvider.System, node: 5, nodes: 8);

        Assert.Equal((5L << 48) + 1, ids.NextSessionId());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(-1, 2)]
    [InlineData(0, MessageIds.MaxNodes + 1)]
    public void A_node_number_outside_the_node_count_is_refused(int node, int nodes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InProcessIdAllocator(TimeProvider.System, 0, node, nodes));
    }
}
