namespace Parley.Client;

/// <summary>
/// The servers whose self-signed certificates the user has trusted (trust on first use, as ssh's
/// <c>known_hosts</c>): one <c>host:port SHA256:HEX</c> per line, <c>#</c> starts a comment.
/// </summary>
/// <remarks>
/// Thread-safe within a process. The file is read on every lookup, so an entry deleted by hand
/// counts at once; new entries are appended.
/// </remarks>
public sealed class KnownHosts
{
    /// <summary>Environment variable naming the directory that holds <c>known_hosts</c>, overriding the default.</summary>
    public const string ConfigDirectoryVariable = "PARLEY_CONFIG_DIR";

    private readonly Lock _lock = new();

    /// <summary>Uses the file at <paramref name="path"/>; it need not exist yet.</summary>
    /// <param name="path">The file; its directory is created on the first entry.</param>
    public KnownHosts(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// The default file: <c>$PARLEY_CONFIG_DIR/known_hosts</c> when that is set, else
    /// <c>$XDG_CONFIG_HOME/parley/known_hosts</c>, else <c>~/.config/parley/known_hosts</c>.
    /// </summary>
    /// <returns>The path.</returns>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable(ConfigDirectoryVariable) is { Length: > 0 } configured)
            return System.IO.Path.Combine(configured, "known_hosts");
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(config, "parley", "known_hosts");
    }

    /// <summary>The fingerprint remembered for <paramref name="server"/>, or <see langword="null"/>.</summary>
    /// <param name="server">The server as <c>host:port</c>.</param>
    /// <returns>The canonical fingerprint, or <see langword="null"/> when the server is not known.</returns>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    public string? Find(string server)
    {
        lock (_lock)
        {
            if (!File.Exists(Path))
                return null;
            foreach (var line in File.ReadLines(Path))
            {
                var entry = line.Trim();
                if (entry.Length == 0 || entry[0] == '#')
                    continue;
                var parts = entry.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2
                    && string.Equals(parts[0], server, StringComparison.OrdinalIgnoreCase)
                    && CertificateFingerprint.TryNormalize(parts[1], out var fingerprint))
                {
                    return fingerprint;
                }
            }

            return null;
        }
    }

    /// <summary>Remembers <paramref name="fingerprint"/> for <paramref name="server"/>.</summary>
    /// <param name="server">The server as <c>host:port</c>.</param>
    /// <param name="fingerprint">The fingerprint, in any form <see cref="CertificateFingerprint.TryNormalize"/> reads.</param>
    /// <exception cref="ArgumentException"><paramref name="fingerprint"/> is not a fingerprint.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Add(string server, string fingerprint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        if (!CertificateFingerprint.TryNormalize(fingerprint, out var canonical))
            throw new ArgumentException("not a SHA-256 fingerprint", nameof(fingerprint));
        lock (_lock)
        {
            var directory = System.IO.Path.GetDirectoryName(Path)!;
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(directory);
            else
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.AppendAllText(Path, $"{server} {canonical}\n");
        }
    }
}
