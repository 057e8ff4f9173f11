using System.Buffers;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// One connection's bounded outbound queue and the loop that drains it to the transport.
/// Producers (any thread) never wait: when the queued bytes would pass the budget,
/// <see cref="TryEnqueue"/> refuses and the caller disconnects the slow consumer.
/// </summary>
/// <remarks>Thread-safe for any number of producers; <see cref="DrainAsync"/> runs once per connection.</remarks>
internal sealed class Outbox(long maxBytes, KeyValuePair<string, object?> protocol)
{
    /// <summary>An outbox with no protocol tag on its metrics (tests).</summary>
    public Outbox(long maxBytes)
        : this(maxBytes, default)
    {
    }

    private readonly Channel<ReadOnlyMemory<byte>> _queue = Channel.CreateUnbounded<ReadOnlyMemory<byte>>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private long _queuedBytes;

    /// <summary>Bytes queued and not yet handed to the transport.</summary>
    public long QueuedBytes => Interlocked.Read(ref _queuedBytes);

    /// <summary>Queues <paramref name="bytes"/>, shared and never written to, without waiting.</summary>
    /// <returns>False when the budget would be exceeded or the outbox is completed.</returns>
    public bool TryEnqueue(ReadOnlyMemory<byte> bytes)
    {
        if (Interlocked.Add(ref _queuedBytes, bytes.Length) > maxBytes)
        {
            Interlocked.Add(ref _queuedBytes, -bytes.Length);
            return false;
        }

        if (_queue.Writer.TryWrite(bytes))
            return true;
        Interlocked.Add(ref _queuedBytes, -bytes.Length);
        return false;
    }

    /// <summary>Accepts nothing more; <see cref="DrainAsync"/> ends once the queue is written.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Copies everything queued now into <paramref name="output"/> without waiting; the write loop's inner step.</summary>
    /// <returns>Bytes written.</returns>
    public long WriteQueued(IBufferWriter<byte> output)
    {
        long written = 0;
        while (_queue.Reader.TryRead(out var bytes))
        {
            output.Write(bytes.Span);
            Interlocked.Add(ref _queuedBytes, -bytes.Length);
            written += bytes.Length;
        }

        return written;
    }

    /// <summary>
    /// A connection's write loop: drains the queue to <paramref name="transport"/>'s output until
    /// completed or the peer is gone, then cancels the pending read (so the read loop ends too)
    /// and completes the output.
    /// </summary>
    /// <param name="transport">The connection's pipes.</param>
    /// <param name="onTransportError">Told of the transport error that ended the loop, for logs.</param>
    /// <param name="cancellationToken">Ends the loop.</param>
    public async Task PumpAsync(IDuplexPipe transport, Action<Exception> onTransportError, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        try
        {
            await DrainAsync(transport.Output, cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            onTransportError(e);
        }
        finally
        {
            // Everything queued is written (or the peer is gone): stop reading too.
            transport.Input.CancelPendingRead();
            await transport.Output.CompleteAsync();
        }
    }

    /// <summary>Writes queued bytes to <paramref name="output"/>, flushing once per batch, until completed.</summary>
    public async Task DrainAsync(PipeWriter output, CancellationToken cancellationToken = default)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            FrontEndMetrics.Written(WriteQueued(output), protocol);

            // Flushing waits while the transport's own buffer is full; meanwhile producers keep
            // filling the queue, which is what trips the budget for a client that stopped reading.
            var flush = await output.FlushAsync(cancellationToken);
            if (flush.IsCompleted || flush.IsCanceled)
                return;
        }
    }
}
