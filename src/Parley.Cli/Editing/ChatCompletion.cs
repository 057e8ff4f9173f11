using Parley.Protocols.Line;
using RadLine;

namespace Parley.Cli.Editing;

/// <summary>
/// Tab completion for the line editor: commands (<c>/jo</c> → <c>/join</c>) at the start of the
/// line, rooms (<c>#de</c> → <c>#dev</c>, <c>@#de</c> → <c>@#dev:</c>) and nicks (<c>bo</c> →
/// <c>bob</c>, <c>@bo</c> → <c>@bob:</c>) from what the client has seen: <c>/users</c>, room
/// members, senders, rooms listed or spoken in, and the commands <c>/help</c> lists. Tab again
/// cycles through the other names that start with what was typed (Shift+Tab backwards).
/// </summary>
/// <remarks>
/// Thread safe: <see cref="Observe"/> runs on the thread that prints incoming lines,
/// <see cref="GetCompletions"/> on the editor's. Each set of names is bounded
/// (<see cref="MaxNames"/>); names seen once it is full are not offered.
/// </remarks>
internal sealed class ChatCompletion : ITextCompletion
{
    /// <summary>Most nicks, and most rooms, remembered: 2,000 each (a busy server's worth).</summary>
    public const int MaxNames = 2000;

    // The line protocol's commands (docs/protocol.md); /help adds any this client does not know.
    private static readonly string[] KnownCommands =
    [
        "ban", "bm", "cert", "deop", "devoice", "dm", "drop", "help", "history", "invite", "join", "kick", "kill", "login",
        "logout", "missed", "mode", "nick", "op", "part", "passwd", "quit", "register", "rehash", "rooms", "sadrop",
        "sapasswd", "say", "serverban", "serverunban", "topic", "unban", "unregister", "users", "voice", "who", "whoami",
    ];

    private readonly Lock _lock = new();
    private readonly SortedSet<string> _commands = new(KnownCommands.Select(c => "/" + c), StringComparer.Ordinal);
    private readonly SortedSet<string> _nicks = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _rooms = new(StringComparer.Ordinal);

    // What the last completion offered, so Tab again cycles among the names matching what was typed.
    private string? _stem;
    private string? _stemContext;
    private string[] _offered = [];

    /// <summary>Remembers the nicks, rooms and commands a server line names.</summary>
    public void Observe(ServerLine line)
    {
        lock (_lock)
        {
            if (line.From is { } from)
            {
                AddNick(from);
            }

            if (line.Room is { } room && room.StartsWith('#'))
            {
                Add(_rooms, room);
            }

            if (line.Kind is ServerLineKind.Users or ServerLineKind.Members)
            {
                foreach (var nick in line.Nicks)
                {
                    AddNick(nick.TrimStart('~', '@', '+'));
                }
            }

            if (line.Kind == ServerLineKind.Help && line.Text.StartsWith('/'))
            {
                var end = line.Text.IndexOf(' ', StringComparison.Ordinal);
                Add(_commands, end < 0 ? line.Text : line.Text[..end]);
            }
        }
    }

    /// <summary>The completions of <paramref name="word"/>, which follows <paramref name="context"/> on the line; <see langword="null"/> for none.</summary>
    public IEnumerable<string>? GetCompletions(string context, string word, string suffix)
    {
        if (word.Length == 0)
        {
            return null;
        }

        lock (_lock)
        {
            // Tab after a completion: complete the original stem again, so RadLine moves to the next match.
            var stem = _stem is not null && context == _stemContext && Array.IndexOf(_offered, word) >= 0 ? _stem : word;
            var offered = Candidates(context, stem).Where(c => c.StartsWith(stem, StringComparison.Ordinal)).ToArray();
            if (offered.Length == 0)
            {
                return null;
            }

            (_stem, _stemContext, _offered) = (stem, context, offered);
            return offered;
        }
    }

    private IEnumerable<string> Candidates(string context, string word) => word switch
    {
        ['/', ..] when string.IsNullOrWhiteSpace(context) => _commands,
        ['@', '#', ..] => _rooms.Select(r => "@" + r + ":"),
        ['@', ..] => _nicks.Select(n => "@" + n + ":"),
        ['#', ..] => _rooms,
        _ => _nicks,
    };

    private void AddNick(string nick)
    {
        // A nick is 1-32 letters, digits, _ or - (docs/protocol.md); "*" (a broadcast) and server names are not.
        if (nick.Length is > 0 and <= 32 && nick.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
        {
            Add(_nicks, nick);
        }
    }

    private static void Add(SortedSet<string> names, string name)
    {
        if (names.Count < MaxNames)
        {
            names.Add(name);
        }
    }
}
