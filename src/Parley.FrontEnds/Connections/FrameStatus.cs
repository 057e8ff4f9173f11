namespace Parley.FrontEnds.Connections;

/// <summary>What <see cref="FrameTransport.TryReadFrame"/> found in the input it was given.</summary>
internal enum FrameStatus
{
    /// <summary>No whole frame yet: read more input (whatever is left is offered again with it).</summary>
    NeedMoreData,

    /// <summary>One frame: one protocol line, without its terminator.</summary>
    Frame,

    /// <summary>
    /// A frame over the protocol's bound, reported once and discarded (the line protocol's 4,096
    /// bytes; IRC's 512 with CR LF plus the tag section): the protocol answers with its error.
    /// </summary>
    TooLong,
}
