using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// The most stored messages delivered per sign-in or <c>/missed</c>: 200 lines of at most
    /// 4 KiB stay under the default 1 MiB outbound queue, so a long absence cannot make the
    /// owner a "slow consumer".
    /// </summary>
    public const int MaxMissedPerDelivery = 200;

    /// <summary>
    /// Signs <paramref name="session"/> in to <paramref name="account"/>, whose credentials the
    /// caller has checked, and delivers the direct messages stored while it was offline.
    /// </summary>
    /// <param name="session">The session: unregistered, or a guest (it gives up its guest nick).</param>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels waiting for the account's gate.</param>
    /// <returns>
    /// The result; <see cref="ChatError.NickTaken"/> when a guest holds the nick,
    /// <see cref="ChatError.ServerBanned"/> when a server ban by account covers it,
    /// <see cref="ChatError.TooManySessions"/> when the account has
    /// <see cref="AccountOptions.MaxSessionsPerAccount"/> sessions already.
    /// </returns>
    /// <remarks>
    /// Stored messages reach the session as <see cref="MissedMessageEvent"/>s, oldest first, before
    /// any message sent to the account after the sign-in (the account's gate is held throughout).
    /// </remarks>
    public async ValueTask<SignInResult> SignInAsync(ChatSession session, Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(account);
        if (session.IsLoggedIn)
            return SignInResult.Refused(ChatError.AlreadyLoggedIn);
        if (IsAccountBanned(account.Nick))
            return SignInResult.Refused(ChatError.ServerBanned);

        var gate = GateOf(account.Id);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var old = session.Presence;
            // Under the account's gate, so two sign-ins cannot both take the last place.
            if (_byNick.TryGetValue(account.Nick, out var online) && online.AccountId == account.Id
                && online.Sessions.Length >= _options.MaxSessionsPerAccount)
                return SignInResult.Refused(ChatError.TooManySessions);
            if (!TryJoin(session, account, old, out var holder, out var first))
                return SignInResult.Refused(ChatError.NickTaken);

            if (old is not null && old != holder && !NickRules.Comparer.Equals(old.Nick, holder.Nick))
                TryRemoveNick(old);
            // The address before the change: a line user's user name is its nick.
            var oldAddress = session.UserAddress;
            SetPresence(session, holder);
            Announce(session, holder, old, first, oldAddress);
            ChangeHost(session, holder, _options.AccountCloaks ? ChatSession.AccountCloak(account.Nick) : ChatSession.CloakedHost, announce: old is not null);
            // A guest in rooms became an account's: its room peers learn the account (IRC's account-notify).
            if (old is not null)
                SendToRoomPeers(session, new AccountChangedEvent(holder.Nick, account.Nick) { Time = _time.GetUtcNow(), Address = session.UserAddress });

            var (delivered, waiting) = await DeliverMissedCoreAsync(session, account.Id, cancellationToken);
            return new SignInResult(ChatError.None, holder.Nick, delivered, waiting);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Delivers the next stored messages still waiting for the signed-in account (<c>/missed</c>).</summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The result, or <see cref="ChatError.NotLoggedIn"/>.</returns>
    public async ValueTask<SignInResult> DeliverMissedAsync(ChatSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.AccountId is not { } accountId)
            return SignInResult.Refused(ChatError.NotLoggedIn);
        var gate = GateOf(accountId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (delivered, waiting) = await DeliverMissedCoreAsync(session, accountId, cancellationToken);
            return new SignInResult(ChatError.None, session.Nick, delivered, waiting);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Signs the session out of its account; it is unregistered afterwards (<c>/logout</c>).</summary>
    /// <param name="session">The session.</param>
    /// <returns><see cref="ChatError.None"/> or <see cref="ChatError.NotLoggedIn"/>.</returns>
    /// <remarks>
    /// The session leaves its rooms first (an unregistered session is in none; their members see it
    /// quit, "logged out"). When it was the account's last session, others are told the nick left.
    /// </remarks>
    public ChatError SignOut(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Presence is not { AccountId: not null } holder)
            return ChatError.NotLoggedIn;
        var rooms = session.Rooms;
        var last = Release(session, holder);
        Rooms.OnSessionLeft(session, quit: true, "logged out", nickStays: !last);
        SetPresence(session, null);
        // In no room now and unregistered: nobody to tell.
        session.Host = ChatSession.CloakedHost;
        if (last)
            AnnounceLeft(holder, new UserLeftEvent(holder.Nick, Quit: true, "logged out") { Time = _time.GetUtcNow(), Address = session.UserAddress, Rooms = rooms });
        return ChatError.None;
    }

    // Sets the session's shown host; when it was online already (a guest signing in), its room
    // peers, its watchers and the session itself are told (IRC's CHGHOST, or its fallback).
    private void ChangeHost(ChatSession session, OnlineNick holder, string host, bool announce)
    {
        if (string.Equals(session.Host, host, StringComparison.Ordinal))
            return;
        var oldAddress = session.UserAddress;
        session.Host = host;
        if (!announce)
            return;
        var changed = new HostChangedEvent(holder.Nick, session.UserName, host) { Time = _time.GetUtcNow(), Address = oldAddress, Subject = session };
        SendToRoomPeers(session, changed);
        session.Sink.Deliver(changed);
    }

    // Joins the account's online holder, or makes one. A guest holder of the same nick can only be
    // this session itself (it is registering the nick it uses), which turns into the account's.
    private bool TryJoin(ChatSession session, Account account, OnlineNick? old, out OnlineNick holder, out bool first)
    {
        while (true)
        {
            if (_byNick.TryGetValue(account.Nick, out var current))
            {
                if (current.AccountId == account.Id)
                {
                    if (current.TryAdd(session))
                    {
                        (holder, first) = (current, false);
                        return true;
                    }

                    continue; // Its last session just left: retry with a fresh holder.
                }

                if (current != old)
                {
                    (holder, first) = (current, false);
                    return false;
                }

                holder = new OnlineNick(account.Nick, account.Id, session);
                if (_byNick.TryUpdate(account.Nick, holder, current))
                {
                    first = true;
                    return true;
                }

                continue;
            }

            holder = new OnlineNick(account.Nick, account.Id, session);
            if (TryAddNick(account.Nick, holder))
            {
                first = true;
                return true;
            }
        }
    }

    private void Announce(ChatSession session, OnlineNick holder, OnlineNick? old, bool first, UserAddress oldAddress)
    {
        if (old is null)
        {
            if (first)
                AnnounceJoined(holder, new UserJoinedEvent(holder.Nick) { Time = _time.GetUtcNow(), Address = session.UserAddress });
        }
        else if (NickRules.Comparer.Equals(old.Nick, holder.Nick))
        {
            // A guest registering the nick it uses: it was online already.
        }
        else if (first)
        {
            AnnounceNow(holder, new NickChangedEvent(old.Nick, holder.Nick) { Time = _time.GetUtcNow(), Address = oldAddress, Rooms = session.Rooms });
        }
        else
        {
            AnnounceNow(holder, new UserLeftEvent(old.Nick, Quit: true, $"signed in as {holder.Nick}")
            {
                Time = _time.GetUtcNow(),
                Address = oldAddress,
                Rooms = session.Rooms,
                RenamedTo = holder.Nick,
            });
        }
    }

    // Call with the account's gate held: nothing can be stored for the account meanwhile.
    private async ValueTask<(int Delivered, int Waiting)> DeliverMissedCoreAsync(ChatSession session, long accountId, CancellationToken cancellationToken)
    {
        await _messages.FlushAsync(cancellationToken);
        var missed = await _messages.GetUndeliveredAsync(accountId, MaxMissedPerDelivery, cancellationToken);
        if (missed.Count == 0)
            return (0, 0);
        foreach (var message in missed)
            session.Sink.Deliver(new MissedMessageEvent(message) { Time = message.SentUtc });
        // Marked only after they are queued to the session: a crash in between delivers them
        // again at the next sign-in (at least once), never not at all.
        await _messages.MarkDeliveredAsync(accountId, missed[^1].Id);
        var waiting = missed.Count == MaxMissedPerDelivery ? await _messages.CountUndeliveredAsync(accountId, cancellationToken) : 0;
        return (missed.Count, waiting);
    }
}
