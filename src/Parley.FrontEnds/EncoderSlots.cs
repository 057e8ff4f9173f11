using Parley.Core.Events;

namespace Parley.FrontEnds;

/// <summary>
/// The event cache slots of the front-ends' wire forms, reserved by name in
/// <see cref="EventEncoderSlots.Shared"/> the first time a front-end's encoder is made (at
/// start-up, before any connection).
/// </summary>
/// <remarks>
/// One class, so the order is fixed whichever front-end starts first: the line protocol and IRC
/// without tags, the forms nearly every event meets, take the two slots an event stores inline;
/// the tagged IRC forms take the next. One slot stays free for the web client's form.
/// </remarks>
internal static class EncoderSlots
{
    /// <summary>The line protocol (docs/protocol.md).</summary>
    public static readonly int Line = EventEncoderSlots.Shared.Reserve("line");

    /// <summary>IRC without tags.</summary>
    public static readonly int IrcPlain = EventEncoderSlots.Shared.Reserve("irc");

    /// <summary>IRC with the <c>time</c> tag (server-time).</summary>
    public static readonly int IrcTimeTagged = EventEncoderSlots.Shared.Reserve("irc+time");

    /// <summary>IRC with every tag (message-tags: time, account, msgid, client tags).</summary>
    public static readonly int IrcAllTags = EventEncoderSlots.Shared.Reserve("irc+tags");
}
