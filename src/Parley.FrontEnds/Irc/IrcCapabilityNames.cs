using System.Collections.Frozen;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// The capabilities Parley offers in <c>CAP LS</c>, by wire name. Only what is implemented is
/// listed (docs/irc.md). Only <c>sasl</c> (its mechanisms) and <c>draft/multiline</c> (its
/// limits) have a value, shown with <c>CAP LS 302</c>.
/// </summary>
internal static class IrcCapabilityNames
{
    private static readonly FrozenDictionary<string, IrcCapabilities> ByName = new Dictionary<string, IrcCapabilities>
    {
        ["account-notify"] = IrcCapabilities.AccountNotify,
        ["account-tag"] = IrcCapabilities.AccountTag,
        ["away-notify"] = IrcCapabilities.AwayNotify,
        ["batch"] = IrcCapabilities.Batch,
        ["cap-notify"] = IrcCapabilities.CapNotify,
        ["chghost"] = IrcCapabilities.Chghost,
        ["draft/account-registration"] = IrcCapabilities.AccountRegistration,
        ["draft/chathistory"] = IrcCapabilities.ChatHistory,
        ["draft/event-playback"] = IrcCapabilities.EventPlayback,
        ["draft/message-redaction"] = IrcCapabilities.MessageRedaction,
        ["draft/multiline"] = IrcCapabilities.Multiline,
        ["draft/read-marker"] = IrcCapabilities.ReadMarker,
        ["echo-message"] = IrcCapabilities.EchoMessage,
        ["extended-join"] = IrcCapabilities.ExtendedJoin,
        ["extended-monitor"] = IrcCapabilities.ExtendedMonitor,
        ["invite-notify"] = IrcCapabilities.InviteNotify,
        ["labeled-response"] = IrcCapabilities.LabeledResponse,
        ["message-tags"] = IrcCapabilities.MessageTags,
        ["multi-prefix"] = IrcCapabilities.MultiPrefix,
        ["sasl"] = IrcCapabilities.Sasl,
        ["server-time"] = IrcCapabilities.ServerTime,
        ["setname"] = IrcCapabilities.SetName,
        ["userhost-in-names"] = IrcCapabilities.UserhostInNames,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The SASL mechanisms, as <c>sasl=</c>'s value and in 908 RPL_SASLMECHS.</summary>
    public const string SaslMechanisms = "PLAIN,EXTERNAL";

    /// <summary>The <c>CAP LS</c> list without values (before CAP LS 302), space-separated, in name order.</summary>
    public static string All { get; } = string.Join(' ', ByName.Keys.Order(StringComparer.Ordinal));

    /// <summary>The <c>CAP LS 302</c> list: as <see cref="All"/>, with <c>sasl=PLAIN,EXTERNAL</c> and <c>draft/multiline=max-bytes=4096,max-lines=24</c>.</summary>
    public static string AllWithValues { get; } = string.Join(
        ' ', ByName.Keys.Order(StringComparer.Ordinal).Select(name => name switch
        {
            "sasl" => "sasl=" + SaslMechanisms,
            "draft/multiline" => "draft/multiline=" + IrcMultilineBatch.CapabilityValue,
            _ => name,
        }));

    /// <summary>Looks a capability up by its wire name (case-sensitive, as IRCv3 says).</summary>
    public static bool TryGet(string name, out IrcCapabilities capability) => ByName.TryGetValue(name, out capability);

    /// <summary>The enabled set as a <c>CAP LIST</c> reply: names in name order.</summary>
    public static string Format(IrcCapabilities enabled) =>
        string.Join(' ', ByName.Where(kv => (enabled & kv.Value) != 0).Select(kv => kv.Key).Order(StringComparer.Ordinal));
}
