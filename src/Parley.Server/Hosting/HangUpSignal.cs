using System.Globalization;

namespace Parley.Server.Hosting;

/// <summary>
/// Whether this process was started with SIGHUP ignored (<c>nohup</c>, or a parent such as an
/// MSBuild node that ignores it): an ignored signal stays ignored across exec (POSIX
/// <c>execve</c>), and the .NET runtime then never delivers it to a <c>PosixSignalRegistration</c>,
/// so SIGHUP cannot reload. Measured: <c>(trap '' HUP; exec dotnet parley-server.dll)</c> logs no
/// reload on <c>kill -s HUP</c>.
/// </summary>
internal static class HangUpSignal
{
    /// <summary>True when <c>/proc/self/status</c> says SIGHUP is ignored; false when it is not or cannot be read (not Linux).</summary>
    public static bool IsIgnored()
    {
        try
        {
            return IsIgnoredIn(File.ReadLines("/proc/self/status"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Reads the <c>SigIgn:</c> line (a hexadecimal mask, bit 0 = signal 1 = SIGHUP) of a proc status file.</summary>
    internal static bool IsIgnoredIn(IEnumerable<string> statusLines)
    {
        foreach (var line in statusLines)
        {
            if (!line.StartsWith("SigIgn:", StringComparison.Ordinal))
                continue;
            return ulong.TryParse(line.AsSpan("SigIgn:".Length).Trim(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask)
                && (mask & 1) != 0;
        }
        return false;
    }
}
