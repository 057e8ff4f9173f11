using System.Diagnostics;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Benchmarks.Cluster;

/// <summary>Records when each numbered message arrives (its text is its number).</summary>
internal sealed class ArrivalSink(int capacity) : ISessionSink
{
    private int _count;

    public long[] Arrived { get; } = new long[capacity];

    public int Count => Volatile.Read(ref _count);

    public TaskCompletionSource AllArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Deliver(ChatEvent chatEvent)
    {
        var text = chatEvent switch
        {
            DirectMessageEvent dm => dm.Text,
            RoomMessageEvent room => room.Message.Text,
            _ => null,
        };
        if (text is null || !int.TryParse(text, out var n) || n < 0 || n >= Arrived.Length)
            return;
        Arrived[n] = Stopwatch.GetTimestamp();
        if (Interlocked.Increment(ref _count) == Arrived.Length)
            AllArrived.TrySetResult();
    }

    public void Close(string reason)
    {
    }
}
