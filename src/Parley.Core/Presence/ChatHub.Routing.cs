using Parley.Core.Routing;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// Where the hubs publish their events (<see cref="IEventRouter"/>): the in-process router
    /// unless the host sets another. Set once, at construction; the hubs never touch a sink.
    /// </summary>
    public IEventRouter Router { get; init; } = new InProcessEventRouter();

    /// <summary>The holder of <paramref name="nick"/> (any case) online, or null.</summary>
    internal OnlineNick? FindHolder(string nick) => TryGetHolder(nick, out var holder) ? holder : null;

    // Every session of the nick online; nobody when it is offline.
    private Audience NickAudience(string nick) => FindHolder(nick) is { } holder ? Audience.OfNick(holder) : default;
}
