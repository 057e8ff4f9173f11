using Npgsql;

namespace Parley.Storage.Postgres;

/// <summary>
/// Where and how the PostgreSQL store connects (configuration section <c>Parley:Storage:Postgres</c>;
/// environment <c>Parley__Storage__Postgres__ConnectionString</c>).
/// </summary>
public sealed record PostgresStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Parley:Storage:Postgres";

    /// <summary>The configuration key of <see cref="ConnectionString"/>.</summary>
    public const string ConnectionStringKey = SectionName + ":ConnectionString";

    /// <summary>
    /// An Npgsql connection string, e.g. <c>Host=127.0.0.1;Port=5432;Database=parley;Username=parley;Password=…</c>
    /// (keywords: https://www.npgsql.org/doc/connection-string-parameters.html). Required; no default.
    /// The user needs to create tables in the database on first start (the migrations).
    /// </summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>
    /// Most writes committed in one transaction. Defaults to 1,024 (as SQLite's); 1 commits each
    /// write alone.
    /// </summary>
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>
    /// How many times a read or a batch of writes is tried again after a transient failure (the
    /// server restarting, a broken pooled connection) before the caller gets the error. Defaults
    /// to 3; 0 tries once. The waits between tries grow: 100 ms, 400 ms, 1.6 s, at most 2 s.
    /// </summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentException">A value is missing, unreadable or out of range (the message names the key).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
            throw new ArgumentException($"{ConnectionStringKey} is not set: it must be an Npgsql connection string such as 'Host=127.0.0.1;Database=parley;Username=parley;Password=…' (environment Parley__Storage__Postgres__ConnectionString)");
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{ConnectionStringKey} cannot be read: {FirstLine(e.Message)} (keywords: https://www.npgsql.org/doc/connection-string-parameters.html)", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
            throw new ArgumentException($"{ConnectionStringKey} names no Host: it must name the PostgreSQL server, e.g. 'Host=127.0.0.1;Database=parley;Username=parley'");
        if (MaxBatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxBatchSize), MaxBatchSize, "must be at least 1");
        if (MaxRetries is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "must be from 0 to 10");
    }

    /// <summary>Where the store connects, without the password: <c>host:port/database</c>, for log lines and errors.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter >= 0 ? line[..parameter] : line;
    }
}
