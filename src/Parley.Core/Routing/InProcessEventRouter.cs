using System.Collections.Concurrent;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Routing;

/// <summary>
/// The default <see cref="IEventRouter"/>: every session is in this process, so an audience resolves
/// to the sinks of the sessions the hub already found (a nick's holder, a room's member snapshot)
/// or of the two registries it keeps itself (the sessions that see all presence, the watchers).
/// </summary>
/// <remarks>
/// <para>Thread-safe and lock-free on the hot path: member arrays and a nick's sessions are
/// copy-on-write snapshots, the registries concurrent dictionaries enumerated without locking.
/// Delivery is <see cref="ISessionSink.Deliver"/> on the publishing thread, which never blocks;
/// announcements go through each room's <see cref="RoomAnnouncer"/>.</para>
/// <para>Ordering: a publish hands the event to each session before it returns, so one thread's
/// events reach a session in publish order; announcements keep each room's order among themselves
/// (docs/architecture.md, "Routing port: audiences, not sinks").</para>
/// </remarks>
public sealed partial class InProcessEventRouter : IEventRouter
{
    // Registered sessions whose sink sees everyone's presence: the audience of SYS joined/left.
    private readonly ConcurrentDictionary<long, ChatSession> _everyone = new();
    // Sessions handed every presence event at once, whatever their audience (IRC MONITOR).
    private readonly ConcurrentDictionary<long, ChatSession> _watchers = new();

    /// <inheritdoc />
    public int Publish(in Audience audience, ChatEvent chatEvent)
    {
        ArgumentNullException.ThrowIfNull(chatEvent);
        switch (audience.Kind)
        {
            case AudienceKind.Session:
                audience.Session!.Sink.Deliver(chatEvent);
                return 1;
            case AudienceKind.Nick:
                // No holder: the nick is held on other nodes only (a router across nodes reaches them).
                return audience.Holder is { } holder ? Each(holder, audience.Except, Delivering, chatEvent) : 0;
            case AudienceKind.Account:
                return EachOfAccount(in audience, Delivering, chatEvent);
            case AudienceKind.RoomMembers:
                return DeliverToMembers(in audience, chatEvent, echo: null);
            case AudienceKind.RoomPeers:
                return DeliverToPeers(audience.Session!, chatEvent);
            case AudienceKind.RoomPresence:
                Announce(in audience, chatEvent);
                return 0;
            case AudienceKind.Everyone:
                return DeliverToEveryone(audience.Holder, chatEvent);
            case AudienceKind.Watchers:
                return DeliverToWatchers(audience.Holder, chatEvent);
            case AudienceKind.EveryNick:
                return DeliverToEveryNick(in audience, chatEvent);
            default:
                return 0;
        }
    }

    /// <inheritdoc />
    public int Publish(in Audience audience, ChatEvent chatEvent, ChatEvent echo)
    {
        ArgumentNullException.ThrowIfNull(echo);
        return audience.Kind == AudienceKind.RoomMembers ? DeliverToMembers(in audience, chatEvent, echo) : Publish(in audience, chatEvent);
    }

    /// <inheritdoc />
    public int Close(in Audience audience, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        switch (audience.Kind)
        {
            case AudienceKind.Session:
                audience.Session!.Sink.Close(reason);
                return 1;
            case AudienceKind.Nick:
                return audience.Holder is { } holder ? Each(holder, audience.Except, Closing, reason) : 0;
            case AudienceKind.Account:
                return EachOfAccount(in audience, Closing, reason);
            default:
                return 0;
        }
    }

    /// <inheritdoc />
    public void SetOnline(ChatSession session, bool online)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!online)
            _everyone.TryRemove(session.Id, out _);
        else if (session.Sink.SeesAllPresence)
            _everyone[session.Id] = session;
    }

    /// <inheritdoc />
    public void SetWatching(ChatSession session, bool watching)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (watching)
            _watchers[session.Id] = session;
        else
            _watchers.TryRemove(session.Id, out _);
    }

    // Cached once (static lambdas): handing one to Each allocates nothing per message.
    private static readonly Action<ChatSession, ChatEvent> Delivering = static (session, chatEvent) => session.Sink.Deliver(chatEvent);
    private static readonly Action<ChatSession, string> Closing = static (session, reason) => session.Sink.Close(reason);

    // Every session of the nick but `except`: a snapshot, read without locking.
    private static int Each<T>(OnlineNick holder, ChatSession? except, Action<ChatSession, T> action, T argument)
    {
        var count = 0;
        foreach (var session in holder.Sessions)
        {
            if (session == except)
                continue;
            action(session, argument);
            count++;
        }

        return count;
    }

    private static int EachOfAccount<T>(in Audience audience, Action<ChatSession, T> action, T argument)
    {
        var count = audience.Holder is { } holder ? Each(holder, audience.Except, action, argument) : 0;
        foreach (var alias in audience.Aliases!)
            count += Each(alias, audience.Except, action, argument);
        return count;
    }

    // One event instance for every nick: each protocol encodes it once (ChatEvent.GetBytes).
    private static int DeliverToEveryNick(in Audience audience, ChatEvent chatEvent)
    {
        var except = audience.Holder;
        var count = 0;
        foreach (var (_, claim) in audience.NickTable!)
        {
            // Only this node's holders: a cluster's claims held on other nodes reach them by routing.
            if (claim is not OnlineNick holder || holder == except)
                continue;
            Each(holder, except: null, Delivering, chatEvent);
            count++;
        }

        return count;
    }

    // The coalescer's way out: every session that sees all presence, but the subject's own.
    private int DeliverToEveryone(OnlineNick? except, ChatEvent chatEvent)
    {
        var count = 0;
        foreach (var (_, session) in _everyone)
        {
            if (except is null || session.Presence != except)
            {
                session.Sink.Deliver(chatEvent);
                count++;
            }
        }

        return count;
    }

    private int DeliverToWatchers(OnlineNick? except, ChatEvent chatEvent)
    {
        if (_watchers.IsEmpty)
            return 0;
        var count = 0;
        foreach (var (_, session) in _watchers)
        {
            if (session.Presence != except && !session.Sink.SeesAllPresence)
            {
                session.Sink.Deliver(chatEvent);
                count++;
            }
        }

        return count;
    }
}
