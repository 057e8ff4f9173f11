namespace Parley.Storage.Postgres;

/// <summary>
/// The shape of <c>Parley:Storage</c> as the PostgreSQL provider reads it: its settings live under
/// <c>Parley:Storage:Postgres</c>. Bound by the host, and walked to name full keys in start-up errors.
/// </summary>
public sealed record PostgresStorageSection
{
    /// <summary>The provider's settings.</summary>
    public PostgresStoreOptions Postgres { get; init; } = new();
}
