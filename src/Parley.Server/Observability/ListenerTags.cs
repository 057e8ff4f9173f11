namespace Parley.Server.Observability;

/// <summary>A listener's metric tags, made once per listener so counting a connection allocates nothing.</summary>
/// <param name="Listener">The <c>listener</c> tag: <c>line</c>, <c>line-tls</c>, <c>irc</c>, <c>ircs</c>.</param>
/// <param name="Protocol">The <c>protocol</c> tag: <c>line</c> or <c>irc</c>.</param>
internal readonly record struct ListenerTags(KeyValuePair<string, object?> Listener, KeyValuePair<string, object?> Protocol)
{
    /// <summary>The tags of a listener.</summary>
    public static ListenerTags For(string listener, string protocol) => new(new("listener", listener), new("protocol", protocol));
}
