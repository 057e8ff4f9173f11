using System.Globalization;
using System.Runtime.InteropServices;

namespace Parley.Server.IntegrationTests.Connections;

/// <summary>
/// The server's own end of a TCP connection, read from outside Kestrel: the test server runs in
/// the test's process, so its accepted socket is one of this process's descriptors. Linux only
/// (<c>/proc</c>, <c>getsockopt</c>), like the server's keep-alive settings it checks.
/// </summary>
internal static class ServerSideSocket
{
    // Linux's values (asm-generic/socket.h, netinet/tcp.h).
    public const int SolSocket = 1;
    public const int SoKeepAlive = 9;
    public const int IpProtoTcp = 6;
    public const int TcpKeepIdle = 4;
    public const int TcpKeepInterval = 5;
    public const int TcpKeepCount = 6;

    /// <summary>The descriptor of the one established IPv4 connection whose local port is <paramref name="localPort"/> (the listener's).</summary>
    /// <exception cref="InvalidOperationException">There is none, or more than one.</exception>
    public static int DescriptorOf(int localPort)
    {
        // Rows of "sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...",
        // addresses as HEXIP:HEXPORT, state 01 = established.
        var inodes = File.ReadLines("/proc/net/tcp").Skip(1)
            .Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f[3] == "01" && int.Parse(f[1][(f[1].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == localPort)
            .Select(f => f[9])
            .ToList();
        if (inodes.Count != 1)
            throw new InvalidOperationException($"{inodes.Count} established connections on local port {localPort}");
        var link = $"socket:[{inodes[0]}]";
        foreach (var path in Directory.EnumerateFiles("/proc/self/fd"))
        {
            if (new FileInfo(path).LinkTarget == link)
                return int.Parse(Path.GetFileName(path), CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"no descriptor of this process is {link}");
    }

    /// <summary>An integer socket option of <paramref name="descriptor"/>, read without touching the socket otherwise.</summary>
    public static int GetOption(int descriptor, int level, int name)
    {
        var length = sizeof(int);
        if (getsockopt(descriptor, level, name, out var value, ref length) != 0)
            throw new InvalidOperationException($"getsockopt({level}, {name}) failed: errno {Marshal.GetLastPInvokeError()}");
        return value;
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in the test project for one test's call.
    private static extern int getsockopt(int socket, int level, int name, out int value, ref int length);
#pragma warning restore SYSLIB1054
}
