namespace Parley.FrontEnds.Connections;

/// <summary>
/// A connection's protocol, for the <c>protocol</c> tag of its metrics
/// (<see cref="FrontEndMetrics.TagOf"/>): one byte in the outbox where the tag itself is two
/// references, since every idle connection holds one outbox.
/// </summary>
internal enum FrontEndProtocol : byte
{
    /// <summary>No tag (an outbox made by a test or a benchmark).</summary>
    None,

    /// <summary>The line protocol: <see cref="FrontEndMetrics.Line"/>.</summary>
    Line,

    /// <summary>IRC: <see cref="FrontEndMetrics.Irc"/>.</summary>
    Irc,
}
