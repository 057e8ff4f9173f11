namespace Parley.FrontEnds.Irc;

/// <summary>
/// Which tags a connection gets on the events it is sent, from its capabilities: <c>time</c>
/// (server-time), <c>account</c> (account-tag), and with message-tags everything: time, account,
/// <c>msgid</c> and the sender's client-only tags.
/// </summary>
[Flags]
internal enum IrcEventTags
{
    None = 0,
    Time = 1 << 0,
    Account = 1 << 1,
    MessageTags = 1 << 2,

    /// <summary>What a message-tags client gets: every tag (it can parse any).</summary>
    All = Time | Account | MessageTags,
}
