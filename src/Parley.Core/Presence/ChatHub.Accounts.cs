using Parley.Core.Accounts;
using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Routing;
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
    public ValueTask<SignInResult> SignInAsync(ChatSession session, Account account, CancellationToken cancellationToken = default) =>
        SignInAsync(session, account, nick: null, cancellationToken);

    /// <summary>
    /// Signs <paramref name="session"/> in to <paramref name="account"/> as
    /// <see cref="SignInAsync(ChatSession, Account, CancellationToken)"/>, holding
    /// <paramref name="nick"/> rather than the account's name: IRC keeps the nick a client chose
    /// when it logs in (Ergo's behaviour; the account is separate from the nick).
    /// </summary>
    /// <param name="session">The session: unregistered, or a guest (its nick may be <paramref name="nick"/>).</param>
    /// <param name="account">The account, whose credentials the caller has checked.</param>
    /// <param name="nick">
    /// The nick to hold, or null (or the account's name in any case) for the account's name. Any
    /// other nick must be free and no account's: a nick that is another account's name is refused
    /// with <see cref="ChatError.NickRegistered"/>, one held by someone else with
    /// <see cref="ChatError.NickTaken"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The result, as the overload without a nick, with <see cref="SignInResult.Account"/>.</returns>
    public async ValueTask<SignInResult> SignInAsync(ChatSession session, Account account, string? nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(account);
        if (session.IsLoggedIn)
            return SignInResult.Refused(ChatError.AlreadyLoggedIn);
        if (IsAccountBanned(account.Nick))
            return SignInResult.Refused(ChatError.ServerBanned);
        var alias = nick is not null && !NickRules.Comparer.Equals(nick, account.Nick);
        if (alias && await CheckAliasAsync(nick!, cancellationToken) is var refused && refused != ChatError.None)
            return SignInResult.Refused(refused);

        await _gates.EnterAsync(account.Id, cancellationToken);
        try
        {
            var old = session.Presence;
            // Under the account's gate, so two sign-ins cannot both take the last place.
            if (AccountSessionCount(account.Id, account.Nick) >= _options.MaxSessionsPerAccount)
                return SignInResult.Refused(ChatError.TooManySessions);
            var (holder, first) = alias
                ? (await TryClaimAliasAsync(session, nick!, account.Id, account.Nick, old), true)
                : await TryJoinAsync(session, account.Id, account.Nick, old);
            if (holder is null)
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
            return new SignInResult(ChatError.None, holder.Nick, delivered, waiting) { Account = account.Nick };
        }
        finally
        {
            _gates.Release(account.Id);
        }
    }

    /// <summary>
    /// Whether <paramref name="account"/> could sign in now: <see cref="ChatError.ServerBanned"/>,
    /// <see cref="ChatError.TooManySessions"/> or <see cref="ChatError.None"/>. A hint for callers
    /// that check credentials before signing in (IRC's SASL before registration); the sign-in
    /// checks again.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <returns>The error the sign-in would give now, or <see cref="ChatError.None"/>.</returns>
    public ChatError CheckSignIn(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (IsAccountBanned(account.Nick))
            return ChatError.ServerBanned;
        return AccountSessionCount(account.Id, account.Nick) >= _options.MaxSessionsPerAccount ? ChatError.TooManySessions : ChatError.None;
    }

    /// <summary>
    /// Changes the nick of a signed-in session (IRC's <c>NICK</c> after SASL): to its account's
    /// name, or to a nick that is free and no account's. The account stays signed in.
    /// </summary>
    /// <param name="session">A signed-in session.</param>
    /// <param name="nick">The wanted nick.</param>
    /// <param name="cancellationToken">Cancels the account lookup.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, <see cref="ChatError.NotLoggedIn"/>, <see cref="ChatError.InvalidNick"/>,
    /// <see cref="ChatError.NickRegistered"/> (another account's name) or <see cref="ChatError.NickTaken"/>.
    /// </returns>
    /// <remarks>
    /// Others are told as for a guest's change (<see cref="NickChangedEvent"/>). When the account is
    /// online under the old nick on other devices too, they keep it: only this session changes.
    /// </remarks>
    public async ValueTask<ChatError> ChangeSignedInNickAsync(ChatSession session, string nick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(nick);
        if (session.Presence is not { AccountId: { } accountId, AccountName: { } accountName })
            return ChatError.NotLoggedIn;
        if (!NickRules.IsValid(nick))
            return ChatError.InvalidNick;
        var toName = NickRules.Comparer.Equals(nick, accountName);
        if (!toName && await CheckAliasAsync(nick, cancellationToken) is var refused && refused != ChatError.None)
            return refused;

        await _gates.EnterAsync(accountId, cancellationToken);
        try
        {
            var old = session.Presence;
            if (old is null || session.HasLeft || string.Equals(old.Nick, toName ? accountName : nick, StringComparison.Ordinal))
                return ChatError.None;
            var holder = toName
                ? (await TryJoinAsync(session, accountId, accountName, old: null)).Holder
                : await TryClaimAliasAsync(session, nick, accountId, accountName, old);
            if (holder is null)
                return ChatError.NickTaken;
            if (old != holder && old.Remove(session))
                TryRemoveNick(old);
            var oldAddress = session.UserAddress;
            SetPresence(session, holder);
            NickHistory.Add(new WhowasEntry(old.Nick, oldAddress.UserName, oldAddress.Host, session.RealName, _time.GetUtcNow()));
            var rooms = session.Rooms;
            AnnounceNow(holder, new NickChangedEvent(old.Nick, holder.Nick) { Time = _time.GetUtcNow(), Address = oldAddress, Rooms = NamesOf(rooms) }, rooms);
            return ChatError.None;
        }
        finally
        {
            _gates.Release(accountId);
        }
    }

    // A nick an account may hold besides its name: valid, not a service's, no account's.
    private async ValueTask<ChatError> CheckAliasAsync(string nick, CancellationToken cancellationToken)
    {
        if (!NickRules.IsValid(nick))
            return ChatError.InvalidNick;
        if (ServiceNicks.IsReserved(nick))
            return ChatError.NickTaken;
        return await _accounts.FindAsync(nick, cancellationToken) is null ? ChatError.None : ChatError.NickRegistered;
    }

    // Makes a holder of `nick` for the account: a free nick, or the session's own holder of it
    // (a guest logging in under its nick, or a case change). Null when someone else holds it.
    private async ValueTask<OnlineNick?> TryClaimAliasAsync(ChatSession session, string nick, long accountId, string accountName, OnlineNick? old)
    {
        var holder = new OnlineNick(nick, accountId, accountName, session);
        if (_nicks.TryFind(nick, out var current) && current is OnlineNick)
            return current is OnlineNick own && own == old && await TryReplaceNickAsync(holder, own) ? holder : null;
        return await TryAddNickAsync(holder) ? holder : null;
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
        await _gates.EnterAsync(accountId, cancellationToken);
        try
        {
            var (delivered, waiting) = await DeliverMissedCoreAsync(session, accountId, cancellationToken);
            return new SignInResult(ChatError.None, session.Nick, delivered, waiting);
        }
        finally
        {
            _gates.Release(accountId);
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
            AnnounceLeft(holder, new UserLeftEvent(holder.Nick, Quit: true, "logged out") { Time = _time.GetUtcNow(), Address = session.UserAddress, Rooms = NamesOf(rooms) }, rooms);
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
        var changed = new HostChangedEvent(holder.Nick, session.UserName, host)
        {
            Time = _time.GetUtcNow(),
            Address = oldAddress,
            SubjectSessionId = session.Id,
            SubjectRooms = [.. session.Rooms.Select(room => new RoomMembership(room.Name, room.FindMember(session)?.Role ?? MemberRole.None))],
            SubjectAccount = session.AccountName,
            SubjectRealName = session.RealName,
        };
        SendToRoomPeers(session, changed);
        Router.Publish(Audience.Of(session), changed);
    }

    // Joins the account's online holder, or makes one (first: true). A guest holder of the same
    // nick can only be this session itself (it is registering the nick it uses), which turns into
    // the account's. Null when someone else holds the nick.
    private async ValueTask<(OnlineNick? Holder, bool First)> TryJoinAsync(ChatSession session, long accountId, string accountName, OnlineNick? old)
    {
        while (true)
        {
            OnlineNick holder;
            // A claim held on another node only: the nick space grants it to the same account.
            if (_nicks.TryFind(accountName, out var current) && current is OnlineNick)
            {
                if (current is OnlineNick { AccountId: var owner } online && owner == accountId)
                {
                    if (online.TryAdd(session))
                        return (online, false);
                    continue; // Its last session just left: retry with a fresh holder.
                }

                if (current is not OnlineNick own || own != old)
                    return (null, false);

                holder = new OnlineNick(accountName, accountId, accountName, session);
                if (await TryReplaceNickAsync(holder, own))
                    return (holder, true);
                continue;
            }

            holder = new OnlineNick(accountName, accountId, accountName, session);
            if (await TryAddNickAsync(holder))
                return (holder, true);
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
            var rooms = session.Rooms;
            AnnounceNow(holder, new NickChangedEvent(old.Nick, holder.Nick) { Time = _time.GetUtcNow(), Address = oldAddress, Rooms = NamesOf(rooms) }, rooms);
        }
        else
        {
            var rooms = session.Rooms;
            AnnounceNow(holder, new UserLeftEvent(old.Nick, Quit: true, $"signed in as {holder.Nick}")
            {
                Time = _time.GetUtcNow(),
                Address = oldAddress,
                Rooms = NamesOf(rooms),
                RenamedTo = holder.Nick,
            }, rooms);
        }
    }

    // Call with the account's gate held: nothing can be stored for the account meanwhile.
    private async ValueTask<(int Delivered, int Waiting)> DeliverMissedCoreAsync(ChatSession session, long accountId, CancellationToken cancellationToken)
    {
        await _messages.FlushAsync(cancellationToken);
        var missed = await _messages.GetUndeliveredAsync(accountId, MaxMissedPerDelivery, cancellationToken);
        if (missed.Count == 0)
            return (0, 0);
        // One event per session anyway: each is addressed to the nick the session holds (an IRC
        // client that kept its nick at SASL sees PRIVMSG <its nick>).
        var shownTo = session.Presence is { IsAlias: true } alias ? alias.Nick : null;
        foreach (var message in missed)
            Router.Publish(Audience.Of(session), new MissedMessageEvent(message) { Time = message.SentUtc, ShownTo = message.Kind == Messages.MessageKind.Direct ? shownTo : null });
        // Marked only after they are queued to the session: a crash in between delivers them
        // again at the next sign-in (at least once), never not at all.
        await _messages.MarkDeliveredAsync(accountId, missed[^1].Id);
        var waiting = missed.Count == MaxMissedPerDelivery ? await _messages.CountUndeliveredAsync(accountId, cancellationToken) : 0;
        return (missed.Count, waiting);
    }
}
