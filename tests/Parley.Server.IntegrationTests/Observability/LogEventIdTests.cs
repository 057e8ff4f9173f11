using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>
/// One table of log event ids (docs/operations.md, "Log event ids"): every <c>[LoggerMessage]</c>
/// of the server's assemblies has an id of its own, inside its class's range, and is listed there.
/// </summary>
public sealed partial class LogEventIdTests
{
    // The assemblies that must be found, so a scan that found nothing cannot pass.
    private static readonly string[] LoggingAssemblies = ["parley-server", "Parley.FrontEnds", "Parley.Storage.Sqlite", "Parley.Storage.Postgres"];

    private static readonly Lazy<IReadOnlyList<LogEvent>> Events = new(FindEvents);
    private static readonly Lazy<string> Docs = new(() => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "operations.md")));

    [Fact]
    public void Every_assembly_that_logs_is_scanned()
    {
        Assert.All(LoggingAssemblies, name => Assert.Contains(Events.Value, e => e.Assembly == name));
        Assert.Contains(Events.Value, e => e is { Class: "ServerLog", Method: "Listening", Id: 1 });
    }

    [Fact]
    public void No_two_log_events_share_an_id()
    {
        var shared = Events.Value.GroupBy(e => e.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Name))}").ToList();
        Assert.True(shared.Count == 0, $"event ids used twice: {string.Join("; ", shared)}");
    }

    [Fact]
    public void Every_log_event_id_is_inside_its_classs_range_and_the_ranges_do_not_overlap()
    {
        var ranges = Ranges();
        foreach (var (a, b) in ranges.SelectMany(a => ranges.Where(b => a.Class != b.Class).Select(b => (a, b))))
            Assert.False(a.First <= b.Last && b.First <= a.Last, $"the ranges of {a.Class} and {b.Class} overlap");
        foreach (var logEvent in Events.Value)
        {
            var range = ranges.SingleOrDefault(r => r.Class == logEvent.Class);
            Assert.True(range is not null, $"{logEvent.Class} has no id range in docs/operations.md");
            Assert.True(range.First <= logEvent.Id && logEvent.Id <= range.Last, $"{logEvent.Name} is {logEvent.Id}, outside {logEvent.Class}'s {range.First}-{range.Last}");
        }
    }

    [Fact]
    public void The_docs_table_lists_every_log_event_with_its_id_and_level_and_nothing_else()
    {
        var documented = EventRows().ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var logEvent in Events.Value)
        {
            Assert.True(documented.TryGetValue(logEvent.Name, out var row), $"{logEvent.Name} ({logEvent.Id}) is not in the table of docs/operations.md");
            Assert.Equal((logEvent.Id, logEvent.Level.ToString()), (row.Id, row.Level));
        }

        var stale = documented.Keys.Except(Events.Value.Select(e => e.Name)).ToList();
        Assert.True(stale.Count == 0, $"docs/operations.md lists events that do not exist: {string.Join(", ", stale)}");
    }

    private static List<LogEvent> FindEvents()
    {
        var events = new List<LogEvent>();
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!name.StartsWith("Parley.", StringComparison.Ordinal) && !name.StartsWith("parley", StringComparison.Ordinal))
                continue;
            var assembly = Assembly.Load(AssemblyName.GetAssemblyName(file));
            foreach (var type in assembly.GetTypes())
            {
                foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } message)
                        events.Add(new LogEvent(name, type.Name, method.Name, message.EventId, message.Level));
                }
            }
        }

        return events;
    }

    private static List<IdRange> Ranges() =>
        [.. RangeRow().Matches(Docs.Value).Select(m => new IdRange(Number(m.Groups["first"]), Number(m.Groups["last"]), m.Groups["class"].Value))];

    private static IEnumerable<(string Name, int Id, string Level)> EventRows() =>
        EventRow().Matches(Docs.Value).Select(m => (m.Groups["name"].Value, Number(m.Groups["id"]), m.Groups["level"].Value));

    private static int Number(Group group) => int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    // "| 200-249 | the SQLite store | `StorageLog` (Parley.Storage.Sqlite) |"
    [GeneratedRegex(@"^\| (?<first>\d+)-(?<last>\d+) \| [^|]+ \| `(?<class>\w+)`", RegexOptions.Multiline)]
    private static partial Regex RangeRow();

    // "| 1 | Information | `ServerLog.Listening` | ... |"
    [GeneratedRegex(@"^\| (?<id>\d+) \| (?<level>\w+) \| `(?<name>\w+\.\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex EventRow();

    private sealed record LogEvent(string Assembly, string Class, string Method, int Id, LogLevel Level)
    {
        public string Name => $"{Class}.{Method}";
    }

    private sealed record IdRange(int First, int Last, string Class);
}
