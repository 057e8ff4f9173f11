using System.Globalization;

namespace Parley.LoadGen.Measuring;

/// <summary>Reads a process's resident memory and CPU time, and the machine's CPU, from Linux's /proc.</summary>
internal static class ProcessStats
{
    /// <summary>USER_HZ: the unit of utime and stime in /proc/PID/stat on Linux x86-64 and arm64.</summary>
    private const double ClockTicksPerSecond = 100.0;

    /// <summary>True while /proc/<paramref name="pid"/> exists.</summary>
    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>VmRSS in KiB, or null when the process is gone or /proc is unreadable.</summary>
    public static long? ResidentKibibytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    continue;
                var value = line.AsSpan(6).Trim();
                var space = value.IndexOf(' ');
                return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>User and system CPU seconds of the process (utime, stime), or null.</summary>
    public static (double User, double System)? CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after "pid (comm) ": the command name may hold spaces, so split after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture) / ClockTicksPerSecond;
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture) / ClockTicksPerSecond;
            return (user, system);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>utime + stime in seconds, or null.</summary>
    public static double? TotalCpuSeconds(int pid) => CpuSeconds(pid) is { } cpu ? cpu.User + cpu.System : null;

    /// <summary>
    /// utime + stime in seconds of <paramref name="roots"/> and every descendant alive now (one scan of
    /// /proc); a process gone counts nothing. For servers of many processes (PostgreSQL's backends).
    /// </summary>
    public static double TreeCpuSeconds(IReadOnlyCollection<int> roots)
    {
        var parentOf = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                parentOf[pid] = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone while scanning.
            }
        }

        var total = 0.0;
        foreach (var (pid, _) in parentOf)
        {
            // Bounded walk up to a root (or init): /proc's parent links have no cycles.
            var ancestor = pid;
            for (var depth = 0; depth < 64 && ancestor > 1 && !roots.Contains(ancestor); depth++)
                ancestor = parentOf.GetValueOrDefault(ancestor);
            if (roots.Contains(ancestor))
                total += TotalCpuSeconds(pid) ?? 0;
        }

        return total;
    }

    /// <summary>Busy and total jiffies over all CPUs from /proc/stat (busy excludes idle and iowait).</summary>
    public static (long Busy, long Total) MachineJiffies()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = (reader.ReadLine() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long total = 0;
            for (var i = 1; i < Math.Min(fields.Length, 9); i++)
                total += long.Parse(fields[i], CultureInfo.InvariantCulture);
            var idle = long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture);
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0);
        }
    }
}
