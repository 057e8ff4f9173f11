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
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer));

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
        Assert.Equal(9, outbox.WriteQueued(new BufferFrameWriter(written)));
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
        outbox.WriteQueued(new BufferFrameWriter(written));
        Assert.Equal(4, outbox.Capacity);

        for (var i = 0; i < 100; i++)
            Assert.True(outbox.TryEnqueue(Line(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(128, outbox.Capacity);
        outbox.WriteQueued(new BufferFrameWriter(written));

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
        outbox.WriteQueued(new BufferFrameWriter(written));
        var lines = Enumerable.Range(0, 1_000).Select(i => i.ToString("D99", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var line in lines)
            Assert.True(outbox.TryEnqueue(Line(line)));
        Assert.Equal(100_000, outbox.QueuedBytes);

        Assert.Equal(100_000, outbox.WriteQueued(new BufferFrameWriter(written)));

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
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer), cancel.Token);

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
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer));

        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
                Assert.True(outbox.TryEnqueue(Line($"{p}:{i}")));
        })));
        outbox.Complete();
        await drain.WaitAsync(Timeout);
        await pipe.Writer.CompleteAsync();

        AssertEachProducerInOrder(await ReadAllAsync(pipe.Reader), Producers, PerProducer);
    }

    [Fact]
    public async Task A_line_for_an_idle_write_loop_is_written_on_the_producers_thread_and_later_ones_still_arrive()
    {
        var pipe = new Pipe();
        var writer = new ThreadRecordingPipeWriter(pipe.Writer);
        var outbox = new Outbox(1024);
        // DrainAsync runs up to its first wait before returning: the loop is idle now.
        var drain = outbox.DrainAsync(new BufferFrameWriter(writer));

        Assert.True(outbox.TryEnqueueOrWrite(Line("one")));

        // Written and flushed before the call returned, on this thread: no wake-up of the loop.
        Assert.True(pipe.Reader.TryRead(out var first));
        Assert.Equal("one\n", Encoding.ASCII.GetString(first.Buffer));
        pipe.Reader.AdvanceTo(first.Buffer.End);
        Assert.Equal([Environment.CurrentManagedThreadId], writer.WritingThreads);
        Assert.Equal(0, outbox.QueuedBytes);

        Assert.True(outbox.TryEnqueue(Line("two")));
        Assert.True(outbox.TryEnqueueOrWrite(Line("three")));
        outbox.Complete();
        await drain.WaitAsync(Timeout);
        Assert.Equal("two\nthree\n", await ReadAsync(pipe.Reader, 10));
        Assert.False(outbox.TryEnqueueOrWrite(Line("late")));
    }

    [Fact]
    public async Task A_producer_never_waits_for_a_consumer_that_stopped_reading_and_the_loop_takes_over_its_flush()
    {
        // The transport's buffer holds 8 bytes: the producer's flush cannot complete at once.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 8, resumeWriterThreshold: 4));
        var outbox = new Outbox(1024);
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer));

        Assert.True(outbox.TryEnqueueOrWrite(Line("0123456789")));
        Assert.True(outbox.TryEnqueueOrWrite(Line("queued behind")));
        Assert.True(outbox.TryEnqueue(Line("and this")));
        Assert.Equal(23, outbox.QueuedBytes);
        outbox.Complete();

        Assert.Equal("0123456789\nqueued behind\nand this\n", await ReadConsumingAsync(pipe.Reader, 34));
        await drain.WaitAsync(Timeout);
        Assert.Equal(0, outbox.QueuedBytes);
    }

    [Fact]
    public async Task Cancellation_while_a_producer_holds_the_writer_ends_the_loop_after_it_lets_go()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var outbox = new Outbox(1 << 20);
        using var cancel = new CancellationTokenSource();
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer), cancel.Token);

        var producer = Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
                outbox.TryEnqueueOrWrite(Line("x"));
        });
        await cancel.CancelAsync();
        await producer.WaitAsync(Timeout);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain.WaitAsync(Timeout));
        // The writer is the caller's again: completing it now cannot race a producer's write.
        await pipe.Writer.CompleteAsync();
    }

    [Fact]
    public async Task Lines_from_concurrent_producers_writing_inline_all_arrive_each_producers_in_its_order()
    {
        const int Producers = 4;
        const int PerProducer = 2_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var outbox = new Outbox(1 << 24);
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer));

        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
            {
                var line = Line($"{p}:{i}");
                Assert.True(i % 3 == 0 ? outbox.TryEnqueue(line) : outbox.TryEnqueueOrWrite(line));
            }
        })));
        outbox.Complete();
        await drain.WaitAsync(Timeout);
        await pipe.Writer.CompleteAsync();

        AssertEachProducerInOrder(await ReadAllAsync(pipe.Reader), Producers, PerProducer);
    }

    [Fact]
    public async Task The_sendq_count_is_back_to_zero_after_concurrent_queued_and_inline_lines()
    {
        // Queued (TryEnqueue) and inline (TryEnqueueOrWrite) lines counted by different means once
        // lost updates under contention, so the count drifted and a connection could be dropped
        // as a slow consumer with an empty queue.
        const int Producers = 4;
        const int PerProducer = 25_000;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var outbox = new Outbox(1 << 26);
        var drain = outbox.DrainAsync(new BufferFrameWriter(pipe.Writer));
        var reading = ReadAllAsync(pipe.Reader);
        var line = Line("x");

        await Task.WhenAll(Enumerable.Range(0, Producers).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < PerProducer; i++)
                Assert.True((i + p) % 2 == 0 ? outbox.TryEnqueue(line) : outbox.TryEnqueueOrWrite(line));
        })));
        outbox.Complete();
        await drain.WaitAsync(Timeout);
        await pipe.Writer.CompleteAsync();

        Assert.Equal(Producers * PerProducer * line.Length, (await reading).Length);
        Assert.Equal(0, outbox.QueuedBytes);
    }

    // Lines "{producer}:{i}": every producer's perProducer lines, each producer's in order.
    private static void AssertEachProducerInOrder(string all, int producers, int perProducer)
    {
        var next = new int[producers];
        foreach (var line in all.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':');
            var producer = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(next[producer]++, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.All(next, count => Assert.Equal(perProducer, count));
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

    // Consumes as it reads, so a writer paused by the pipe's threshold can go on.
    private static async Task<string> ReadConsumingAsync(PipeReader reader, int bytes)
    {
        using var cancel = new CancellationTokenSource(Timeout);
        var text = new StringBuilder();
        while (text.Length < bytes)
        {
            var result = await reader.ReadAsync(cancel.Token);
            text.Append(Encoding.ASCII.GetString(result.Buffer));
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                break;
        }

        return text.ToString();
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
