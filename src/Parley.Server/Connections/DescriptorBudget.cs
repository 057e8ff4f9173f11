using System.Globalization;

namespace Parley.Server.Connections;

/// <summary>
/// The default server-wide connection cap, from the process's file-descriptor limit: every
/// connection holds one descriptor, and a process out of descriptors cannot open its database,
/// write its log, start a thread or even accept to refuse (the runtime aborts: issue 9).
/// </summary>
/// <remarks>
/// Linux: the soft <c>RLIMIT_NOFILE</c> from <c>/proc/self/limits</c> (the .NET runtime has
/// already raised it to the hard limit at start) and the descriptors open now from
/// <c>/proc/self/fd</c>. The cap is the limit minus those, minus a reserve of 64 + 1/32 of the
/// limit for what opens later: TLS and other lazily loaded assemblies (about 10-30 descriptors,
/// measured), SQLite's journal, log files, and refusals in flight.
/// </remarks>
internal static class DescriptorBudget
{
    /// <summary>The smallest derived cap: below this the limit is too low to serve anyone well, which is logged.</summary>
    public const int MinimumCap = 16;

    /// <summary>The cap when the limit cannot be read (not Linux): generous, the operator sets <c>MaxConnections</c>.</summary>
    public const int UnknownLimitCap = 10_000;

    /// <summary>The soft descriptor limit, or null when it cannot be read.</summary>
    public static long? SoftLimit()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/limits"))
            {
                // "Max open files            20000                20000                files"
                if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                    continue;
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var soft) ? soft : null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>How many descriptors the process has open now, or null when unknown.</summary>
    public static int? OpenNow()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The reserve kept free of connections under <paramref name="limit"/>.</summary>
    public static long Reserve(long limit) => 64 + (limit / 32);

    /// <summary>The derived cap: see the remarks.</summary>
    /// <param name="limit">The soft descriptor limit, or null when unknown.</param>
    /// <param name="openNow">Descriptors open now, or null when unknown.</param>
    public static int Cap(long? limit, int? openNow)
    {
        if (limit is not { } l || openNow is not { } open)
            return UnknownLimitCap;
        var cap = l - open - Reserve(l);
        return (int)Math.Clamp(cap, MinimumCap, int.MaxValue);
    }
}
