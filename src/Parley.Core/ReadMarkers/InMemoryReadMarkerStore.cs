using System.Collections.Concurrent;

namespace Parley.Core.ReadMarkers;

/// <summary>The default <see cref="IReadMarkerStore"/>: markers in memory, gone when the process stops (unit tests).</summary>
/// <remarks>Thread-safe: each update is one compare-and-swap loop of the dictionary.</remarks>
public sealed class InMemoryReadMarkerStore : IReadMarkerStore
{
    private readonly ConcurrentDictionary<(long, string), DateTimeOffset> _markers = new();

    /// <inheritdoc />
    public ValueTask<DateTimeOffset?> GetAsync(long accountId, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ValueTask.FromResult<DateTimeOffset?>(_markers.TryGetValue((accountId, target.ToLowerInvariant()), out var time) ? time : null);
    }

    /// <inheritdoc />
    public Task<DateTimeOffset> SetAsync(long accountId, string target, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(target);
        var stored = _markers.AddOrUpdate((accountId, target.ToLowerInvariant()), time, (_, old) => old >= time ? old : time);
        return Task.FromResult(stored);
    }
}
