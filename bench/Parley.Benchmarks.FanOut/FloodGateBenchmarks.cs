using BenchmarkDotNet.Attributes;
using Parley.FrontEnds.Connections;

namespace Parley.Benchmarks.FanOut;

/// <summary>
/// One command through a connection's flood gate (every command but /quit takes a token): a
/// token there (the usual case) and none there (a flooder, refused or fakelagged). One operation
/// is one command.
/// </summary>
[MemoryDiagnoser]
public class FloodGateBenchmarks
{
    private FloodGate _open = null!;
    private FloodGate _empty = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A million a second: the bucket is never empty. One a day: it is always empty after the first.
        _open = new FloodGate(new FloodOptions { MessagesPerSecond = 1_000_000, Burst = 1_000_000 }, TimeProvider.System);
        _empty = new FloodGate(new FloodOptions { MessagesPerSecond = 1.0 / 86_400, Burst = 1, DisconnectAfterRefusals = 0 }, TimeProvider.System);
        _empty.Check(out _);
    }

    [Benchmark(Description = "flood gate: token taken")]
    public bool Allowed() => _open.Check(out _) == FloodVerdict.Allowed;

    [Benchmark(Description = "flood gate: refused (line)")]
    public bool Refused() => _empty.Check(out _) == FloodVerdict.Refused;

    [Benchmark(Description = "flood gate: no token (IRC fakelag)")]
    public bool NoToken() => _empty.TryTake(out _);
}
