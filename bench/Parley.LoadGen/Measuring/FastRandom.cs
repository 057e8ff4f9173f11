namespace Parley.LoadGen.Measuring;

/// <summary>xorshift64*: a cheap per-sender generator for picking targets and phases (not for security).</summary>
internal struct FastRandom
{
    private ulong _state;

    /// <summary>Seeds the generator; 0 is replaced by a fixed odd constant.</summary>
    public FastRandom(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed * 0x9E3779B97F4A7C15UL;

    /// <summary>A value in [0, <paramref name="exclusiveMax"/>).</summary>
    public int Next(int exclusiveMax)
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return (int)(((_state * 2685821657736338717UL) >> 33) % (ulong)exclusiveMax);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => Next(1 << 30) / (double)(1 << 30);
}
