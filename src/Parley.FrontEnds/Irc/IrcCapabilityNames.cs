using System.Collections.Frozen;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// The capabilities Parley offers in <c>CAP LS</c>, by wire name. Only what is implemented is
/// listed (docs/irc.md).
/// </summary>
internal static class IrcCapabilityNames
{
    private static readonly FrozenDictionary<string, IrcCapabilities> ByName = new Dictionary<string, IrcCapabilities>
    {
        ["account-notify"] = IrcCapabilities.AccountNotify,
        ["away-notify"] = IrcCapabilities.AwayNotify,
        ["batch"] = IrcCapabilities.Batch,
        ["cap-notify"] = IrcCapabilities.CapNotify,
        ["echo-message"] = IrcCapabilities.EchoMessage,
        ["labeled-response"] = IrcCapabilities.LabeledResponse,
        ["message-tags"] = IrcCapabilities.MessageTags,
        ["multi-prefix"] = IrcCapabilities.MultiPrefix,
        ["server-time"] = IrcCapabilities.ServerTime,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The <c>CAP LS</c> list, space-separated, in name order. None takes a value yet.</summary>
    public static string All { get; } = string.Join(' ', ByName.Keys.Order(StringComparer.Ordinal));

    /// <summary>Looks a capability up by its wire name (case-sensitive, as IRCv3 says).</summary>
    public static bool TryGet(string name, out IrcCapabilities capability) => ByName.TryGetValue(name, out capability);

    /// <summary>The enabled set as a <c>CAP LIST</c> reply: names in name order.</summary>
    public static string Format(IrcCapabilities enabled) =>
        string.Join(' ', ByName.Where(kv => (enabled & kv.Value) != 0).Select(kv => kv.Key).Order(StringComparer.Ordinal));
}
