namespace Parley.Protocols.Line;

/// <summary>What <see cref="LineFramer.TryReadLine"/> found.</summary>
public enum LineFrameStatus
{
    /// <summary>No complete line yet; offer the same bytes again with more.</summary>
    NeedMoreData,

    /// <summary>A complete line was read.</summary>
    Line,

    /// <summary>A line exceeded the limit; it is being discarded up to its LF.</summary>
    LineTooLong,
}
