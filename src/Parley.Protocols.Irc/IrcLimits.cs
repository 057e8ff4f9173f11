namespace Parley.Protocols.Irc;

/// <summary>The protocol's size limits, in bytes of UTF-8 unless stated otherwise.</summary>
public static class IrcLimits
{
    /// <summary>
    /// Longest tag section: 8,191 bytes, counting the leading <c>@</c> and the space after the
    /// tags. IRCv3 message-tags: "The size limit for message tags is 8191 bytes, including the
    /// leading '@' and trailing space characters."
    /// </summary>
    public const int MaxTagBytes = 8191;

    /// <summary>
    /// Longest tag section a client may send: 4,096 bytes, i.e. 4,094 bytes of tag data plus
    /// <c>@</c> and the space. IRCv3 message-tags: "Clients MUST NOT send messages with tag data
    /// exceeding 4094 bytes"; a server answers such a message with
    /// <see cref="IrcNumerics.ERR_INPUTTOOLONG"/>. Give it to <see cref="IrcFramer"/> on client
    /// connections to get <see cref="IrcFrameStatus.TagsTooLong"/> for them.
    /// </summary>
    public const int MaxClientTagBytes = 4096;

    /// <summary>
    /// Longest message without its tags: 512 bytes including the CR LF (RFC 1459 §2.3), so 510
    /// bytes of source, command and parameters.
    /// </summary>
    public const int MaxLineBytes = 512;

    /// <summary>
    /// Most parameters in one message: 15, i.e. 14 middle parameters and a trailing one
    /// (RFC 2812 §2.3.1). The parser never yields more: the 15th takes the rest of the line.
    /// </summary>
    public const int MaxParameters = 15;
}
