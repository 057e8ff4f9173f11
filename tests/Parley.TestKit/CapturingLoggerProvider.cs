using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.TestKit;

/// <summary>
/// A logger provider that keeps every entry (all levels) for assertions, with an await for one
/// that matches. Add it with <see cref="AddTo"/> in a test server's <c>configureServices</c>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Func<LogEntry, bool> Match, TaskCompletionSource<LogEntry> Found)> _waiters = [];

    /// <summary>One captured log entry.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    /// <summary>
    /// Registers this provider with a rule of its own that lets everything through, Trace up, over
    /// the configuration's levels (a provider's rule beats the general ones).
    /// </summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(typeof(CapturingLoggerProvider).FullName, null, LogLevel.Trace, null)));
    }

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
                return [.. _entries];
        }
    }

    /// <summary>Waits for an entry matching <paramref name="match"/> (one already logged counts).</summary>
    /// <exception cref="TimeoutException">None within <paramref name="timeout"/> (default 15 s).</exception>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<LogEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_entries)
        {
            if (_entries.FirstOrDefault(match) is { } entry)
                return entry;
            _waiters.Add((match, found));
        }

        try
        {
            return await found.Task.WaitAsync(timeout ?? TestConnection.DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no matching log entry; got: {string.Join(" | ", Entries.Select(e => $"{e.Level} {e.EventId.Id} {e.Message}"))}");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(entry))
                {
                    _waiters[i].Found.TrySetResult(entry);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
