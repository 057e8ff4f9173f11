using System.Collections.Immutable;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc;

/// <summary>
/// IRCv3 MONITOR (ircv3.net/specs/extensions/monitor): the nicks this client watches, told with
/// 730/731 when they come online or go. While its list is not empty the connection is one of the
/// hub's presence watchers (<see cref="ChatHub.WatchPresence"/>), handed every server-wide presence
/// event (a nick's first session, its last, a rename); watching costs a set lookup per such event
/// and a numeric, formatted for this recipient, only for the nicks it watches.
/// </summary>
/// <remarks>
/// The set is changed on the read loop only and read by <see cref="Deliver"/> on other threads: an
/// immutable set behind a volatile field (copy on write).
/// </remarks>
internal sealed partial class IrcConnection
{
    /// <summary>Most nicks one client may watch (ISUPPORT <c>MONITOR=100</c>).</summary>
    public const int MaxMonitored = 100;

    // Immutable, so one empty set serves every connection watching nobody (48 bytes each otherwise).
    private static readonly ImmutableHashSet<string> NoneMonitored = ImmutableHashSet.Create<string>(NickRules.Comparer);

    private volatile ImmutableHashSet<string> _monitored = NoneMonitored;

    /// <summary>The watched nicks as the client spelled them.</summary>
    public ImmutableHashSet<string> Monitored
    {
        get => _monitored;
        set
        {
            _monitored = value;
            // Only a connection that watches someone is handed every arrival and departure.
            Hub.WatchPresence(_session, value.Count > 0);
        }
    }

    // Presence of a watched nick, from an event every connection gets; per recipient, uncached.
    private void NotifyMonitors(ChatEvent chatEvent)
    {
        var watched = _monitored;
        if (watched.Count == 0)
            return;
        switch (chatEvent)
        {
            case UserJoinedEvent joined when watched.Contains(joined.Nick):
                Monitor(IrcNumerics.RPL_MONONLINE, IrcEventEncoder.Mask(joined.Nick, joined.Address));
                break;
            case UserLeftEvent left:
                if (watched.Contains(left.Nick))
                    Monitor(IrcNumerics.RPL_MONOFFLINE, left.Nick);
                if (left.RenamedTo is { } renamedTo && watched.Contains(renamedTo))
                    Monitor(IrcNumerics.RPL_MONONLINE, IrcEventEncoder.Mask(renamedTo, left.Address));
                break;
            case NickChangedEvent renamed:
                if (watched.Contains(renamed.OldNick))
                    Monitor(IrcNumerics.RPL_MONOFFLINE, renamed.OldNick);
                if (watched.Contains(renamed.NewNick))
                    Monitor(IrcNumerics.RPL_MONONLINE, IrcEventEncoder.Mask(renamed.NewNick, renamed.Address));
                break;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// IRCv3 extended-monitor (ircv3.net/specs/extensions/extended-monitor): with it, the AWAY,
    /// ACCOUNT, SETNAME and CHGHOST lines of a watched nick that shares no channel with this
    /// client, each still only with its own capability (away-notify, account-notify, setname,
    /// chghost; checked by <see cref="ShouldDeliver"/> and <see cref="DeliverCore"/>). Per recipient, rare: the encoded bytes are the event's shared ones.
    /// </remarks>
    public override void DeliverWatched(ChatEvent chatEvent)
    {
        if (!Has(IrcCapabilities.ExtendedMonitor))
            return;
        var nick = chatEvent switch
        {
            AwayChangedEvent away => away.Nick,
            AccountChangedEvent account => account.Nick,
            RealNameChangedEvent renamed => renamed.Nick,
            HostChangedEvent changed => changed.Nick,
            _ => null,
        };
        if (nick is not null && _monitored.Contains(nick))
            Deliver(chatEvent);
    }

    private void Monitor(string numeric, string target) =>
        Enqueue(IrcMessageFormatter.Format(new IrcMessage(ServerName, numeric, _session.Nick ?? "*", target)));
}
