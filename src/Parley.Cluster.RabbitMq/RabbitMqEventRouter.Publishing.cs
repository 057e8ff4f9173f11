using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Parley.Cluster.RabbitMq;

public sealed partial class RabbitMqEventRouter
{
    // Sent, not yet confirmed, by publish sequence number; sent again after a recovery.
    private readonly SortedDictionary<ulong, RoutedEnvelope> _unconfirmed = [];
    // What a lost connection left unconfirmed, sent before anything newer once it recovers.
    private readonly Queue<RoutedEnvelope> _resend = new();
    private readonly EnvelopeCodec _codec = new();
    private TaskCompletionSource _recovered = Completed();
    private TaskCompletionSource _confirmPulse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _published;
    private long _confirmed;
    private long _nacked;
    private long _dropped;
    private long _republished;

    /// <summary>Events sent to the broker (a resend after recovery counts again).</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Events the broker confirmed.</summary>
    public long Confirmed => Volatile.Read(ref _confirmed);

    /// <summary>Events dropped because the outgoing buffer was full (each reported).</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Events the broker refused (nack), each reported.</summary>
    public long Nacked => Volatile.Read(ref _nacked);

    /// <summary>Events sent again after a connection recovery.</summary>
    public long Republished => Volatile.Read(ref _republished);

    /// <summary>Items (events and binding changes) waiting to be sent, or sent and not yet confirmed.</summary>
    public int Pending
    {
        get
        {
            lock (_unconfirmed)
            {
                // Bindings too: what is still in the stream, in flight, or to be sent again.
                return _outgoing.Reader.Count + _unconfirmed.Count + _resend.Count;
            }
        }
    }

    /// <summary>Waits until every event and binding change queued so far was sent and confirmed (or dropped, or refused), or <paramref name="timeout"/> passed.</summary>
    /// <returns>True when nothing is pending.</returns>
    public async Task<bool> WhenConfirmedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Pending > 0)
        {
            Task pulse;
            lock (_unconfirmed)
            {
                pulse = _confirmPulse.Task;
            }

            if (Pending == 0)
                break;
            try
            {
                await pulse.WaitAsync(TimeSpan.FromMilliseconds(50), deadline.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException)
            {
                return Pending == 0;
            }
        }

        return true;
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    // One loop, one channel: the broker receives the stream in the order it was queued.
    private async Task PublishLoopAsync(CancellationToken stopping)
    {
        var reader = _outgoing.Reader;
        while (!stopping.IsCancellationRequested)
        {
            await Volatile.Read(ref _recovered).Task.WaitAsync(stopping).ConfigureAwait(false);
            if (!await ResendAsync(stopping).ConfigureAwait(false))
                continue;
            if (!reader.TryPeek(out var next))
            {
                if (!await reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                    return;
                continue;
            }

            if (!await SendAsync(next, stopping).ConfigureAwait(false))
                continue;
            reader.TryRead(out _);
            if (next.Operation is RoutedOperation.Publish or RoutedOperation.Close or RoutedOperation.Replica)
                Interlocked.Decrement(ref _queued);
        }
    }

    private async Task<bool> ResendAsync(CancellationToken stopping)
    {
        while (true)
        {
            RoutedEnvelope envelope;
            lock (_unconfirmed)
            {
                if (!_resend.TryPeek(out envelope))
                    return true;
            }

            if (!await SendAsync(envelope, stopping).ConfigureAwait(false))
                return false;
            lock (_unconfirmed)
            {
                _resend.Dequeue();
            }

            Interlocked.Increment(ref _republished);
        }
    }

    // False when the connection is down: the caller keeps the item and waits for recovery.
    private async Task<bool> SendAsync(RoutedEnvelope envelope, CancellationToken stopping)
    {
        var channel = _publishChannel!;
        var sequence = ulong.MaxValue;
        try
        {
            switch (envelope.Operation)
            {
                case RoutedOperation.Bind:
                    // queue.bind is a round trip: when it returns, the exchange routes the key here.
                    await channel.QueueBindAsync(_options.QueueName, _options.Exchange, envelope.Key, cancellationToken: stopping).ConfigureAwait(false);
                    envelope.Bound?.TrySetResult();
                    return true;
                case RoutedOperation.Unbind:
                    await channel.QueueUnbindAsync(_options.QueueName, _options.Exchange, envelope.Key, cancellationToken: stopping).ConfigureAwait(false);
                    return true;
            }

            ReadOnlyMemory<byte> body;
            try
            {
                body = _codec.Encode(in envelope);
            }
#pragma warning disable CA1031 // An event that cannot be written is reported and dropped; the stream goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                RabbitMqLog.NotEncoded(_logger, envelope.Event?.GetType().Name, e);
                Interlocked.Increment(ref _dropped);
                return true;
            }

            sequence = await channel.GetNextPublishSequenceNumberAsync(stopping).ConfigureAwait(false);
            lock (_unconfirmed)
            {
                _unconfirmed[sequence] = envelope;
            }

            await channel.BasicPublishAsync(_options.Exchange, envelope.Key, mandatory: false, _properties, body, stopping).ConfigureAwait(false);
            Interlocked.Increment(ref _published);
            return true;
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or RabbitMQClientException)
        {
            // The caller sends it again: it must not be resent from the unconfirmed set too.
            lock (_unconfirmed)
            {
                _unconfirmed.Remove(sequence);
            }

            RabbitMqLog.SendFailed(_logger, e);
            // The shutdown handler marks the connection down; if it is already back, retry soon.
            await Task.Delay(TimeSpan.FromMilliseconds(100), stopping).ConfigureAwait(false);
            return false;
        }
    }

    private Task OnAckAsync(object sender, BasicAckEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, refused: false);
        return Task.CompletedTask;
    }

    private Task OnNackAsync(object sender, BasicNackEventArgs args)
    {
        Settle(args.DeliveryTag, args.Multiple, refused: true);
        return Task.CompletedTask;
    }

    private void Settle(ulong tag, bool multiple, bool refused)
    {
        var count = 0;
        lock (_unconfirmed)
        {
            if (multiple)
            {
                while (_unconfirmed.Count > 0 && _unconfirmed.Keys.First() <= tag)
                {
                    _unconfirmed.Remove(_unconfirmed.Keys.First());
                    count++;
                }
            }
            else if (_unconfirmed.Remove(tag))
                count = 1;

            _confirmPulse.TrySetResult();
            _confirmPulse = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (refused)
            RabbitMqLog.Nacked(_logger, Interlocked.Add(ref _nacked, count));
        else
            Interlocked.Add(ref _confirmed, count);
    }

    private Task OnConnectionShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
            RabbitMqLog.ConnectionLost(_logger, args.ReplyText, _options.MaxOutgoing);
        MarkDown();
        return Task.CompletedTask;
    }

    // Whatever was unconfirmed is sent again, first, once the connection is back.
    private void MarkDown()
    {
        lock (_unconfirmed)
        {
            foreach (var (_, envelope) in _unconfirmed)
                _resend.Enqueue(envelope);
            _unconfirmed.Clear();
            if (_recovered.Task.IsCompleted)
                _recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private Task OnRecoverySucceededAsync(object sender, AsyncEventArgs args)
    {
        int resend;
        TaskCompletionSource recovered;
        lock (_unconfirmed)
        {
            resend = _resend.Count;
            recovered = _recovered;
        }

        RabbitMqLog.Recovered(_logger, resend);
        recovered.TrySetResult();
        // What the broker lost while it was away (transient messages) is announced again.
        RequestStates();
        return Task.CompletedTask;
    }
}
