using System.Net.Sockets;
using Npgsql;
using Parley.Core.Storage;

namespace Parley.Storage.Postgres;

/// <summary>Which PostgreSQL failures are worth another try, how long to wait, and the error callers get.</summary>
internal static class PostgresFailures
{
    /// <summary>
    /// True for a failure that a moment may cure: the server unreachable, restarting or shutting
    /// down (SQLSTATE class 08, 57P01-57P03), a connection the restart broke, too many
    /// connections (53300), a serialization failure or deadlock; Npgsql's own
    /// <see cref="NpgsqlException.IsTransient"/> plus broken sockets.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03",
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is IOException or SocketException or TimeoutException,
        IOException or SocketException or TimeoutException => true,
        // Npgsql reports a connector that broke earlier this way when it is used again.
        InvalidOperationException { Message: var message } => message.Contains("broken", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The wait before try <paramref name="attempt"/> + 1 (1-based): 100 ms, 400 ms, 1.6 s, then 2 s.</summary>
    public static TimeSpan Delay(int attempt) => TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(4, attempt - 1)));

    /// <summary>The error callers get once the tries are used up, naming the server (never the password).</summary>
    public static StoreUnavailableException Unavailable(string server, Exception exception) =>
        new($"the PostgreSQL store at {server} is unavailable: {FirstLine(exception.Message)}", exception);

    /// <summary>A failure's first line, for one-line errors and logs.</summary>
    public static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
