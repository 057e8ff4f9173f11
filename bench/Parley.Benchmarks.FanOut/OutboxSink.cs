using Parley.Core.Events;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.FrontEnds.Line;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// What <c>LineConnection.Deliver</c> does, with the real <see cref="Outbox"/>: take the event's
/// line-protocol bytes (encoded once, shared) and enqueue them. When the 16 KiB budget fills (every
/// few hundred messages), it empties the outbox as the write loop would, so memory stays flat and
/// the write loop's dequeue cost is included, amortised.
/// </summary>
internal sealed class OutboxSink : ISessionSink
{
    private const long Budget = 16 * 1024;

    private readonly Outbox _outbox = new(Budget);
    private readonly DiscardWriter _transport;

    public OutboxSink(DiscardWriter transport) => _transport = transport;

    public void Deliver(ChatEvent chatEvent)
    {
        var bytes = chatEvent.GetBytes(LineEventEncoder.Instance);
        if (_outbox.TryEnqueue(bytes))
            return;
        _outbox.WriteQueued(_transport);
        _outbox.TryEnqueue(bytes);
    }

    public void Close(string reason)
    {
    }
}
