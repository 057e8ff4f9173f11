using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Messages;
using Parley.Core.Metrics;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

// Nicks held on other nodes (a cluster's nick space, INickClaims): claims that are not this
// node's OnlineNicks. Messages to them go through the router by name; one process never has any.
public sealed partial class ChatHub
{
    /// <summary>
    /// Tells this node's users that nicks held on another node are gone because that node died
    /// (its heartbeat expired: docs/cluster.md, "When a node dies"): each as a quit, to the sessions
    /// that see all presence (coalesced, as any departure) and to the presence watchers. Called by
    /// the node that freed the claims; its router carries the quits to the other nodes.
    /// </summary>
    /// <param name="nicks">The nicks freed, as shown.</param>
    /// <param name="reason">The quit message, e.g. "node b timed out".</param>
    /// <remarks>Thread-safe. Rooms are not told here: a room's members on other nodes are the rooms' replicas' concern.</remarks>
    public void AnnounceDeparted(IReadOnlyCollection<string> nicks, string reason)
    {
        ArgumentNullException.ThrowIfNull(nicks);
        ArgumentNullException.ThrowIfNull(reason);
        if (_shuttingDown)
            return;
        foreach (var nick in nicks)
        {
            var left = new UserLeftEvent(nick, Quit: false, reason) { Time = _time.GetUtcNow(), Address = new UserAddress(nick, ChatSession.CloakedHost), Rooms = [] };
            NickHistory.Add(new WhowasEntry(nick, nick, ChatSession.CloakedHost, nick, _time.GetUtcNow()));
            _presence.Publish(left, null);
            Router.Publish(Audience.WatchersOf(null), left);
        }
    }

    // The account's claim held on another node, when it has none here: the nick addressed, or
    // (a message to the account's name) any nick the account holds elsewhere.
    private NickClaim? HeldElsewhere(string to, long accountId, bool viaName)
    {
        if (_nicks.TryFind(to, out var claim) && claim is not OnlineNick && claim.AccountId == accountId)
            return claim;
        return viaName ? _nicks.FindElsewhere(accountId) : null;
    }

    // To the account's name: every session of the account there (its other nicks too); to one of
    // its other nicks: that nick's sessions only, as on IRC.
    private int DeliverElsewhere(NickClaim claim, bool viaName, ChatEvent chatEvent)
    {
        Router.Publish(viaName ? Audience.OfRemoteAccount(claim) : Audience.OfRemoteNick(claim), chatEvent);
        return 1;
    }

    // A guest is delivered now or not at all: the claim says it is online there.
    private SendResult SendToRemoteGuest(
        ChatSession from, OnlineNick me, NickClaim remote, string text, bool notice, IReadOnlyList<KeyValuePair<string, string>> clientTags)
    {
        var now = _time.GetUtcNow();
        var receipt = _messages.Append(new NewMessage(
            MessageKind.Direct, now, me.Nick, me.AccountId, remote.Nick, null, text, Delivered: true));
        var sent = NewDirect(from, me, remote.Nick, text, notice, now, receipt.Message.Id, clientTags);
        Router.Publish(Audience.OfRemoteNick(remote), sent);
        ChatMetrics.DirectSent(notice, 1);
        Echo(me, from, null, receipt.Message);
        return new SendResult(ChatError.None, remote.Nick, true, 1, receipt.Committed) { Message = sent };
    }

    private SendResult SendTagsElsewhere(ChatSession from, OnlineNick me, NickClaim remote, IReadOnlyList<KeyValuePair<string, string>> clientTags)
    {
        var tags = new TagMessageEvent(me.Nick, remote.Nick, clientTags)
        {
            Time = _time.GetUtcNow(),
            FromAddress = from.UserAddress,
            FromAccount = me.AccountName,
            FromBot = from.IsBot,
        };
        Router.Publish(Audience.OfRemoteNick(remote), tags);
        return new SendResult(ChatError.None, remote.Nick, true, 1, Task.CompletedTask) { Tags = tags };
    }
}
