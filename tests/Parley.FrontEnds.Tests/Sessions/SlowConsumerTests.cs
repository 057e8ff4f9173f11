using System.IO.Pipelines;
using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Tests.Harness;

namespace Parley.FrontEnds.Tests.Sessions;

/// <summary>
/// A client that never reads its output: once more than its sendq (<c>MaxOutboundBytes</c>) waits,
/// it is dropped at once, while its neighbour, reading, gets every message in order.
/// </summary>
public sealed class SlowConsumerTests : IAsyncDisposable
{
    // Far past the slow client's 1 KiB pipe and 8 KiB sendq in either test.
    private const int Messages = 40;
    private static readonly PipeOptions NeverRead = new(pauseWriterThreshold: 1024, resumeWriterThreshold: 512);
    private readonly InMemoryFrontEnds _server = new(new ConnectionLimits
    {
        MaxOutboundBytes = 8192,
        Flood = new FloodOptions { MessagesPerSecond = 0 },
    });

    [Fact]
    public async Task A_line_client_that_never_reads_is_dropped_as_too_slow_while_its_neighbour_gets_every_broadcast()
    {
        var slow = await _server.ConnectLineAsAsync("slow", NeverRead);
        var neighbour = await _server.ConnectLineAsAsync("neighbour");
        var sender = await _server.ConnectLineAsAsync("sender");
        await neighbour.ExpectAsync("SYS sender joined");
        var text = new string('z', 2000);

        var (seenByNeighbour, _) = await SendEachAndAwaitItAsync(sender, neighbour, i => $"/bm {i} {text}", i => $"BM sender: {i} {text}");

        await AssertDroppedAsync(slow, neighbour, seenByNeighbour, "SYS slow dropped (too slow to read)");
    }

    [Fact]
    public async Task An_irc_client_that_never_reads_is_dropped_with_sendq_exceeded_while_its_neighbour_gets_every_message()
    {
        var slow = _server.ConnectIrc(NeverRead);
        await slow.SendAsync("NICK slow");
        await slow.SendAsync("USER u 0 * :Real Name");
        var neighbour = await _server.ConnectIrcAsAsync("neighbour");
        var sender = await _server.ConnectLineAsAsync("sender");
        await sender.SendAsync("/join #dev");
        await sender.WaitForAsync(l => l.StartsWith("OK joined #dev", StringComparison.Ordinal));
        foreach (var (member, nick) in new[] { (slow, "slow"), (neighbour, "neighbour") })
        {
            await member.SendAsync("JOIN #dev");
            await sender.WaitForAsync(l => l == $"ROOM #dev {nick} joined");
        }

        // 400 bytes: one IRC line each (no split).
        var text = new string('z', 400);
        var (_, seenBySender) = await SendEachAndAwaitItAsync(sender, neighbour, i => $"@#dev:{i} {text}", i => $":sender!sender@parley PRIVMSG #dev :{i} {text}");

        await AssertDroppedAsync(slow, sender, seenBySender, "SYS slow dropped (SendQ exceeded)");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // The sender sends one message at a time, and it and the neighbour read what it brings before
    // the next is sent (so their own sendqs hold one message at most): each one arrives, in order.
    // Returns the other lines each read on the way.
    private static async Task<(List<string> Neighbour, List<string> Sender)> SendEachAndAwaitItAsync(
        PipeClient sender, PipeClient neighbour, Func<int, string> send, Func<int, string> received)
    {
        var seenByNeighbour = new List<string>();
        var seenBySender = new List<string>();
        for (var i = 0; i < Messages; i++)
        {
            await sender.SendAsync(send(i));
            seenBySender.AddRange((await sender.WaitForAsync(l => l.StartsWith("OK sent to ", StringComparison.Ordinal))).Before);
            seenByNeighbour.AddRange((await neighbour.WaitForAsync(l => l == received(i))).Before);
        }

        return (seenByNeighbour, seenBySender);
    }

    // The slow client's connection was ended by the server's abort, and a reader was told why.
    private static async Task AssertDroppedAsync(PipeClient slow, PipeClient told, List<string> alreadyRead, string notice)
    {
        await slow.Served.WaitAsync(PipeClient.DefaultTimeout);
        Assert.True(slow.Aborted);
        if (!alreadyRead.Contains(notice))
            await told.WaitForAsync(l => l == notice);
    }
}
