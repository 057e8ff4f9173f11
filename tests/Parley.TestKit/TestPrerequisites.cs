namespace Parley.TestKit;

/// <summary>
/// The programs some tests drive (README, "Running the tests"): a missing one fails the test with
/// a message naming it and how to install it, not a bare timeout.
/// </summary>
public static class TestPrerequisites
{
    /// <summary>The Debian package of each external program tests start.</summary>
    public static IReadOnlyDictionary<string, string> Packages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tmux"] = "tmux",
        ["irssi"] = "irssi",
        ["weechat-headless"] = "weechat-headless",
        ["python3"] = "python3",
        ["openssl"] = "openssl",
    };

    /// <summary>Throws when <paramref name="program"/> is not on the PATH.</summary>
    /// <exception cref="InvalidOperationException">It is missing; the message names it and its package.</exception>
    public static void Require(string program)
    {
        if (Find(program) is not null)
            return;
        var package = Packages.TryGetValue(program, out var name) ? name : program;
        throw new InvalidOperationException(
            $"this test needs '{program}', which is not on the PATH: install it (Debian/Ubuntu: sudo apt-get install {package}); the README's 'Running the tests' lists every tool the tests use");
    }

    /// <summary>The full path of <paramref name="program"/> on the PATH, or null.</summary>
    public static string? Find(string program)
    {
        if (program.Contains('/', StringComparison.Ordinal))
            return File.Exists(program) ? program : null;
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }
}
