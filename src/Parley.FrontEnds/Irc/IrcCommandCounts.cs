namespace Parley.FrontEnds.Irc;

/// <summary>
/// How many times each IRC command has run since start-up (<c>STATS m</c>, 212 RPL_STATSCOMMANDS).
/// Counted on every command, PRIVMSG included, so it must cost next to nothing: one uncontended
/// atomic increment on a stripe of the processor running it, each stripe on its own cache lines;
/// a read sums the stripes (a cold path, operators only).
/// </summary>
/// <remarks>Thread-safe and lock-free. A count read while commands run may miss the latest few.</remarks>
internal sealed class IrcCommandCounts
{
    // 8 longs are 64 bytes, a cache line: padding each stripe's row to a multiple of that keeps
    // two processors' stripes from sharing a line (false sharing would make every count a global write).
    private const int LongsPerCacheLine = 8;

    private readonly long[] _counts;
    private readonly int _stride;
    private readonly int _stripeMask;

    /// <summary>Creates counts for <paramref name="commands"/> commands, numbered 0 to <paramref name="commands"/> - 1.</summary>
    public IrcCommandCounts(int commands)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(commands);
        var stripes = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64));
        _stripeMask = stripes - 1;
        _stride = (commands + LongsPerCacheLine - 1) / LongsPerCacheLine * LongsPerCacheLine + LongsPerCacheLine;
        _counts = new long[_stride * stripes];
        Commands = commands;
    }

    /// <summary>How many commands are counted.</summary>
    public int Commands { get; }

    /// <summary>Counts one use of command <paramref name="index"/>.</summary>
    public void Increment(int index) =>
        Interlocked.Increment(ref _counts[((Thread.GetCurrentProcessorId() & _stripeMask) * _stride) + index]);

    /// <summary>The uses of command <paramref name="index"/> so far, every stripe summed.</summary>
    public long Read(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Commands);
        long total = 0;
        for (var at = index; at < _counts.Length; at += _stride)
            total += Volatile.Read(ref _counts[at]);
        return total;
    }
}
