namespace Parley.Protocols.Irc;

/// <summary>What <see cref="IrcFramer.TryReadLine"/> found.</summary>
public enum IrcFrameStatus
{
    /// <summary>No complete line yet; offer the same bytes again with more.</summary>
    NeedMoreData,

    /// <summary>A complete line was read.</summary>
    Line,

    /// <summary>
    /// The part after the tags exceeded <see cref="IrcFramer.MaxLineBytes"/>; the line is being
    /// discarded up to its LF. A server answers <see cref="IrcNumerics.ERR_INPUTTOOLONG"/>.
    /// </summary>
    LineTooLong,

    /// <summary>
    /// The tag section exceeded <see cref="IrcFramer.MaxTagBytes"/>; the line is being discarded
    /// up to its LF. A server answers <see cref="IrcNumerics.ERR_INPUTTOOLONG"/>.
    /// </summary>
    TagsTooLong,
}
