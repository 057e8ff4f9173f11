namespace Parley.Server.Hosting;

/// <summary>
/// How Kestrel's socket transport schedules a connection's work (section <c>Parley:Transport</c>):
/// the one place the server sets <c>SocketTransportOptions</c> (docs/operations.md, docs/benchmarks.md fix 14).
/// </summary>
public sealed record TransportOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Parley:Transport";

    /// <summary>
    /// Whether a connection's read loop runs on the thread that received its bytes, and its sends
    /// on the thread that flushed them, instead of a thread-pool work item each (Kestrel's
    /// <c>UnsafePreferInlineScheduling</c>). Defaults to false, the measured best for saturated
    /// traffic: inline, every flush is its own <c>send</c> where Kestrel's I/O queues coalesce
    /// them (window-16 direct messages cost 1.2-1.5x the CPU per delivery), while at human rates
    /// (1,000 clients at 1 message/s) inline saves 10-20 % of the CPU per message
    /// (docs/benchmarks.md fix 14). Safe either way: socket completions still run on thread-pool
    /// threads (the runtime's <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> is not set), so a
    /// slow step in one read loop (a password hash, a history read) holds only its own thread.
    /// </summary>
    public bool InlineScheduling { get; init; }

    /// <summary>
    /// Queues the socket transport spreads connections' I/O over when <see cref="InlineScheduling"/>
    /// is off. Defaults to 0: Kestrel's own default (the processor count, at most 16).
    /// </summary>
    public int IOQueueCount { get; init; }

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate() =>
        ArgumentOutOfRangeException.ThrowIfNegative(IOQueueCount, "Parley:Transport:IOQueueCount");
}
