namespace Parley.Core.Storage;

/// <summary>
/// Port: whether the store takes writes, for the host's readiness check (<c>/readyz</c>). A
/// storage provider registers one; resolving it opens the store, so the host resolves it at
/// start-up to fail there, before the first connection, when the store cannot be opened.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IStoreHealth
{
    /// <summary>
    /// Completes when a write has gone through the store's write path and committed (the cheapest
    /// one it has); faults when the store cannot write or is closed.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the probe may still commit later).</param>
    /// <returns>A task that completes when the store is writable.</returns>
    Task CheckWritableAsync(CancellationToken cancellationToken = default);
}
