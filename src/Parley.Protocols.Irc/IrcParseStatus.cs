namespace Parley.Protocols.Irc;

/// <summary>What <see cref="IrcMessageParser"/> found.</summary>
public enum IrcParseStatus
{
    /// <summary>A message was parsed.</summary>
    Success,

    /// <summary>The line is empty or only spaces: ignore it silently, as servers do.</summary>
    Empty,

    /// <summary>The tag section is longer than the limit (the framer normally reports this first).</summary>
    TagsTooLong,

    /// <summary>The part after the tags is longer than the limit (the framer normally reports this first).</summary>
    LineTooLong,

    /// <summary>
    /// The line holds NUL, or a CR or LF that is not its terminator. IRC forbids them anywhere in
    /// a message; a bare CR is not taken as a line end (see <see cref="IrcFramer"/>).
    /// </summary>
    InvalidCharacter,

    /// <summary>
    /// The bytes are not valid UTF-8. IRC itself is bytes, but Parley is UTF-8 only (it would
    /// advertise <c>UTF8ONLY</c>); a server may answer <c>FAIL &lt;command&gt; INVALID_UTF8</c>,
    /// taking the command from <see cref="IrcMessageParser.PeekCommand"/>.
    /// </summary>
    InvalidUtf8,

    /// <summary>The tag section is malformed: a tag with an empty key (e.g. <c>@=x</c>).</summary>
    InvalidTags,

    /// <summary>A <c>:</c> that starts a source is not followed by one.</summary>
    InvalidSource,

    /// <summary>There is no command after the tags and source.</summary>
    MissingCommand,

    /// <summary>The command is neither ASCII letters nor exactly three digits.</summary>
    InvalidCommand,
}
