using System.IO.Pipelines;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>A pipe writer that remembers which threads wrote to it, around a real pipe's writer.</summary>
internal sealed class ThreadRecordingPipeWriter(PipeWriter inner) : PipeWriter
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> _threads = new();

    /// <summary>Managed thread ids of the calls to <see cref="Advance"/>, in order.</summary>
    public IReadOnlyCollection<int> WritingThreads => _threads;

    public override void Advance(int bytes)
    {
        _threads.Enqueue(Environment.CurrentManagedThreadId);
        inner.Advance(bytes);
    }

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
}
