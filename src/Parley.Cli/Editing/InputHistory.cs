using System.Text;

namespace Parley.Cli.Editing;

/// <summary>
/// The lines typed in interactive mode, recalled with Up and Down and kept across runs in a file
/// (<see cref="DefaultPath"/>): one line per entry, oldest first, at most <see cref="Capacity"/>
/// entries. Lines that carry a password or a key (<see cref="IsSecret"/>) are neither kept nor
/// written; a line equal to the one before it is kept once (as bash's <c>ignoredups</c>).
/// </summary>
/// <remarks>
/// Not thread safe: the line editor's loop is its only user. A file that cannot be read or
/// written leaves the history in memory only; chatting goes on.
/// </remarks>
internal sealed class InputHistory
{
    /// <summary>Entries kept, in memory and in the file: 500, as many as a few weeks of chatting.</summary>
    public const int Capacity = 500;

    /// <summary>The longest line kept, in characters: longer ones are pasted text, not worth recalling.</summary>
    public const int MaxLineLength = 2048;

    private readonly List<string> _entries;
    private readonly string? _path;
    private int _appended;
    private int _cursor;
    private string _draft = "";

    private InputHistory(List<string> entries, string? path, int linesBeyondCapacity)
    {
        _entries = entries;
        _path = path;
        _cursor = entries.Count;
        _appended = linesBeyondCapacity;
    }

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>
    /// The history file: <c>$XDG_STATE_HOME/parley/history</c>, else
    /// <c>~/.local/state/parley/history</c> (the XDG base directory specification's place for
    /// history); <see langword="null"/> when there is no home directory either.
    /// </summary>
    public static string? DefaultPath(Func<string, string?> environment)
    {
        var state = environment("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            state = Path.Combine(home, ".local", "state");
        }

        return Path.Combine(state, "parley", "history");
    }

    /// <summary>Reads the last <see cref="Capacity"/> entries of <paramref name="path"/> (none when it is missing or unreadable); <see langword="null"/> keeps the history in memory only.</summary>
    public static InputHistory Load(string? path)
    {
        var entries = new List<string>();
        var lines = 0;
        if (path is not null)
        {
            try
            {
                foreach (var line in File.ReadLines(path))
                {
                    lines++;
                    if (line.Length is > 0 and <= MaxLineLength && !IsSecret(line))
                    {
                        entries.Add(line);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Missing (first run) or unreadable: start empty.
            }
        }

        if (entries.Count > Capacity)
        {
            entries.RemoveRange(0, entries.Count - Capacity);
        }

        return new InputHistory(entries, path, Math.Max(0, lines - Capacity));
    }

    /// <summary>
    /// Whether <paramref name="line"/> carries a secret and so is never kept: <c>#nick password</c>,
    /// <c>/login</c>, <c>/register</c>, <c>/passwd</c>, <c>/drop</c>, <c>/sapasswd</c>, <c>/oper</c>,
    /// messages to NickServ, and <c>/join</c> or <c>/mode</c> with a room key.
    /// </summary>
    public static bool IsSecret(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        var first = words[0].ToLowerInvariant();
        return first switch
        {
            "/login" or "/register" or "/passwd" or "/drop" or "/sapasswd" or "/oper" or "/nickserv" or "/ns" or "/identify" => true,
            "/dm" or "/msg" => words.Length > 1 && words[1].Equals("nickserv", StringComparison.OrdinalIgnoreCase),
            "/join" => words.Length > 2,
            "/mode" => words.Length > 2 && words[2].Contains('k', StringComparison.Ordinal),
            _ when first.StartsWith("@nickserv:", StringComparison.Ordinal) => true,
            // #nick password: a login on the line protocol; #nick alone takes a guest nick.
            _ => first.Length > 1 && first[0] == '#' && words.Length > 1,
        };
    }

    /// <summary>
    /// Keeps <paramref name="line"/> (unless blank, secret, too long or a repeat of the last entry)
    /// and appends it to the file, and ends any Up/Down browsing.
    /// </summary>
    public void Add(string line)
    {
        _cursor = _entries.Count;
        _draft = "";
        if (string.IsNullOrWhiteSpace(line) || line.Length > MaxLineLength || IsSecret(line)
            || (_entries.Count > 0 && _entries[^1] == line))
        {
            return;
        }

        _entries.Add(line);
        if (_entries.Count > Capacity)
        {
            _entries.RemoveAt(0);
        }

        _cursor = _entries.Count;
        Save(line);
    }

    /// <summary>The entry before the one shown; the first step up remembers <paramref name="typed"/> for <see cref="Newer"/>. <see langword="null"/> at the oldest.</summary>
    public string? Older(string typed)
    {
        if (_cursor == 0)
        {
            return null;
        }

        if (_cursor == _entries.Count)
        {
            _draft = typed;
        }

        _cursor--;
        return _entries[_cursor];
    }

    /// <summary>The entry after the one shown, then what was being typed; <see langword="null"/> when not browsing.</summary>
    public string? Newer()
    {
        if (_cursor >= _entries.Count)
        {
            return null;
        }

        _cursor++;
        return _cursor == _entries.Count ? _draft : _entries[_cursor];
    }

    // One append per line typed; once as many lines again as the capacity were appended, the file
    // is rewritten with the last Capacity entries, so it stays bounded.
    private void Save(string line)
    {
        if (_path is null)
        {
            return;
        }

        try
        {
            _appended++;
            var rewrite = _appended >= Capacity;
            var options = new FileStreamOptions { Mode = rewrite ? FileMode.Create : FileMode.Append, Access = FileAccess.Write };
            if (Path.GetDirectoryName(_path) is { Length: > 0 } directory && !OperatingSystem.IsWindows())
            {
                // Chat text: readable by the user only.
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            else if (Path.GetDirectoryName(_path) is { Length: > 0 } windowsDirectory)
            {
                Directory.CreateDirectory(windowsDirectory);
            }

            using var writer = new StreamWriter(_path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
            foreach (var entry in rewrite ? _entries : [line])
            {
                writer.Write(entry);
                writer.Write('\n');
            }

            if (rewrite)
            {
                _appended = 0;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not writable (read-only home, full disk): the history stays in memory for this run.
        }
    }
}
