using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Parley.FrontEnds.Connections;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>The bounded outbox every connection writes through: order, budget, completion, cancellation, its ring's memory.</summary>
public sealed class OutboxTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Lines_reach_the_transport_in_order_and_the_loop_ends_once_completed_and_drained()
    {
        var pipe = new Pipe();
        var outbox = new Outbox(1024);
        var drain = outbox.DrainAsync(pipe.Writer);

        Assert.True(outbox.TryEnqueue(Line("one")));
        Assert.True(outbox.TryEnqueue(Line("two")));
        Assert.Equal("one\ntwo\n", await ReadAsync(pipe.Reader, 8));
        Assert.True(outbox.TryEnqueue(Line("three")));
        outbox.Complete();

        await drain.WaitAsync(Timeout);
        Assert.Equal("three\n", await ReadAsync(pipe.Reader, 6));
        Assert.False(outbox.TryEnqueue(Line("late")));
        Assert.Equal(0, outbox.QueuedBytes);
    }

    [Fact]
    public void Budget_refuses_a_line_that_would_pass_it_and_accepts_again_once_written()
    {
        var outbox = new Outbox(10);
        var written = new ArrayBufferWriter<byte>();

        Assert.True(outbox.TryEnqueue(Line("12345678")));
        Assert.False(outbox.TryEnqueue(Line("9")));
        Assert.Equal(9, outbox.QueuedBytes);
        Assert.Equal(9, outbox.WriteQueued(written));
        Assert.True(outbox.TryEnqueue(Line("9")));
        Assert.Equal("12345678\n", Encoding.ASCII.GetString(written.WrittenSpan));
    }

    [Fact]
    public void Ring_is_made_on_the_first_line_kept_when_small_and_dropped_after_a_burst()
    {
        var outbox = new Outbox(1 << 20);
        var written = new ArrayBufferWriter<byte>();
        Assert.Equal(0, outbox.Capacity);

        for (var i = 0; i < 3; i++)
            outbox.TryEnqueue(Line("small"));
        outbox.WriteQueued(written);
        Assert.Equal(4, outbox.Capacity);

        for (var i = 0; i < 100; i++)
            Assert.True(outbox.TryEnqueue(Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(128, outbox.Capacity);
        outbox.WriteQueued(written);

        Assert.Equal(0, outbox.Capacity);
        var expected = "small\nsmall\nsmall\n" + string.Concat(Enumerable.Range(0, 100).Select(i => i + "\n"));
        Assert.Equal(expected, Encoding.ASCII.GetString(written.WrittenSpan));
    }

    [Fact]
    public void A_backlog_longer_than_one_batch_is_written_whole_and_in_order_and_its_budget_returned()
    {
        // 1,000 lines of 100 bytes: about six batches of BatchBytes, the ring wrapped around once first.
        var outbox = new Outbox(1 << 20);
        var written = new ArrayBufferWriter<byte>();
        outbox.TryEnqueue(Line("a"));
        outbox.TryEnqueue(Line("b"));
        outbox.WriteQueued(written);
        var lines = Enumerable.Range(0, 1_000).Select(i => i.ToString("D99", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var line in lines)
            Assert.True(outbox.TryEnqueue(Line(line)));
        Assert.Equal(100_000, outbox.QueuedBytes);

        Assert.Equal(100_000, outbox.WriteQueued(written));

        Assert.True(100_000 > Outbox.BatchBytes * 2);
        Assert.Equal("a\nb\n" + string.Concat(lines.Select(l => l + "\n")), Encoding.ASCII.GetString(written.WrittenSpan));
        Assert.Equal(0, outbox.QueuedBytes);
        Assert.Equal(0, outbox.Capacity);
    }

    [Fact]
    public async Task Cancellation_ends_a_waiting_write_loop()
    {
        var pipe = new Pipe();
        var outbox = new Outbox(1024);
        using var cancel = new CancellationTokenSource();
        var drain = outbox.DrainAsync(pipe.Writer, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain.WaitAsync(Timeout));
    }

    [Fact]
    public async Task Lines_from_concurrent_producers_all_arrive_each_producers_in_its_order()
    {
        const int Producers = 4;
        const int PerProducer = 2_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var outbox = new Outbox(1 << 24);
        var drain = outbox.DrainAsync(pipe.Writer);

        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
                Assert.True(outbox.TryEnqueue(Line($"{p}:{i}")));
        })));
        outbox.Complete();
        await drain.WaitAsync(Timeout);
        await pipe.Writer.CompleteAsync();

        var all = await ReadAllAsync(pipe.Reader);
        var next = new int[Producers];
        foreach (var line in all.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':');
            var producer = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(next[producer]++, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.All(next, count => Assert.Equal(PerProducer, count));
    }

    private static ReadOnlyMemory<byte> Line(string text) => Encoding.ASCII.GetBytes(text + "\n");

    private static async Task<string> ReadAsync(PipeReader reader, int bytes)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await reader.ReadAsync(cancel.Token);
            if (result.Buffer.Length >= bytes || result.IsCompleted)
            {
                var text = Encoding.ASCII.GetString(result.Buffer.Slice(0, Math.Min(bytes, result.Buffer.Length)));
                reader.AdvanceTo(result.Buffer.GetPosition(Math.Min(bytes, result.Buffer.Length)));
                return text;
            }

            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static async Task<string> ReadAllAsync(PipeReader reader)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await reader.ReadAsync(cancel.Token);
            if (result.IsCompleted)
                return Encoding.ASCII.GetString(result.Buffer);
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }
}
