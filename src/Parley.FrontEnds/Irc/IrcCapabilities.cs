namespace Parley.FrontEnds.Irc;

/// <summary>The IRCv3 capabilities a connection has enabled (CAP REQ); see <see cref="IrcCapabilityNames"/>.</summary>
[Flags]
internal enum IrcCapabilities
{
    None = 0,
    Batch = 1 << 0,
    CapNotify = 1 << 1,
    EchoMessage = 1 << 2,
    LabeledResponse = 1 << 3,
    MessageTags = 1 << 4,
    MultiPrefix = 1 << 5,
    ServerTime = 1 << 6,
    Sasl = 1 << 7,
    AccountTag = 1 << 8,
    ChatHistory = 1 << 9,
    AwayNotify = 1 << 10,
    AccountNotify = 1 << 11,
    AccountRegistration = 1 << 12,
    UserhostInNames = 1 << 13,
    ExtendedJoin = 1 << 14,
    InviteNotify = 1 << 15,
    SetName = 1 << 16,
    ExtendedMonitor = 1 << 17,
    Chghost = 1 << 18,
    ReadMarker = 1 << 19,
    MessageRedaction = 1 << 20,
    EventPlayback = 1 << 21,
    Multiline = 1 << 22,
}
