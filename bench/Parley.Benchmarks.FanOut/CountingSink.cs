using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Benchmarks.FanOut;

/// <summary>A sink that only counts what it is handed: no encode, no outbox, so a benchmark over it measures the core's own allocations exactly.</summary>
internal sealed class CountingSink : ISessionSink
{
    public int Delivered { get; private set; }

    public void Deliver(ChatEvent chatEvent) => Delivered++;

    public void Close(string reason)
    {
    }
}
