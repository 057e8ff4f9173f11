using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>
    /// Joins <paramref name="name"/>, creating it when it does not exist (the creator becomes an
    /// op, as on every IRC server; new rooms are <c>+n</c>). The other members are told.
    /// </summary>
    /// <param name="session">The joining session; must be registered.</param>
    /// <param name="name">The room, <c>#</c> included.</param>
    /// <param name="key">The key, for a <c>+k</c> room; else ignored.</param>
    /// <param name="cancellationToken">Cancels the history read.</param>
    /// <returns>The room and its latest messages, or why the join was refused.</returns>
    public ValueTask<JoinResult> JoinAsync(ChatSession session, string name, string? key, CancellationToken cancellationToken = default) =>
        JoinAsync(session, name, key, Options.HistoryOnJoin, cancellationToken);

    /// <summary>
    /// Joins <paramref name="name"/> as <see cref="JoinAsync(ChatSession, string, string?, CancellationToken)"/>
    /// does, with <paramref name="historyCount"/> of the latest messages instead of
    /// <see cref="RoomOptions.HistoryOnJoin"/>: 0 reads no history (a front-end that replays its own, or none).
    /// </summary>
    /// <param name="session">The joining session; must be registered.</param>
    /// <param name="name">The room, <c>#</c> included.</param>
    /// <param name="key">The key, for a <c>+k</c> room; else ignored.</param>
    /// <param name="historyCount">Latest messages to return, at most <see cref="RoomOptions.MaxHistoryPage"/>; 0 for none.</param>
    /// <param name="cancellationToken">Cancels the history read.</param>
    /// <returns>The room and its latest messages, or why the join was refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="historyCount"/> is negative.</exception>
    public async ValueTask<JoinResult> JoinAsync(ChatSession session, string name, string? key, int historyCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(historyCount);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Nick is not { } nick)
            return new JoinResult(ChatError.NotRegistered, null, false, []);
        if (!RoomNames.IsValid(name))
            return new JoinResult(ChatError.InvalidRoom, null, false, []);
        if (session.IsInRoom(name))
            return new JoinResult(ChatError.AlreadyInRoom, Find(name), false, []);
        if (session.RoomCount >= Limits.MaxRoomsPerUser)
            return new JoinResult(ChatError.TooManyRooms, null, false, []);

        while (true)
        {
            var room = _rooms.GetOrAdd(name, static (n, time) => new Room(n, time.GetUtcNow()) { Modes = RoomModes.NoExternal }, _time);
            RoomMember[] others;
            RoomMember joined;
            RoomRoster roster;
            int epoch;
            bool created;
            var closed = false;
            lock (room.Gate)
            {
                // The room emptied and left the registry after we found it: look again.
                if (room.IsClosed)
                    continue;
                others = room.MemberArray;
                // Members on other nodes count too (a cluster's replica; none on one node).
                var remote = room.RemoteArray.Length;
                var error = CheckJoin(room, session, nick, key, others.Length + remote);
                if (error != ChatError.None)
                {
                    // A refused join never leaves behind an empty room it created.
                    if (others.Length == 0 && remote == 0 && !room.IsRegistered)
                        closed = CloseUnderGate(room);
                    if (closed)
                        _history.OnRoomClosed(room.Name);
                    return new JoinResult(error, null, false, []);
                }

                created = others.Length == 0 && remote == 0 && !room.IsRegistered;
                joined = new RoomMember(session, InitialRole(room, session, others.Length + remote));
                room.PublishMembers([.. others, joined]);
                epoch = room.MembershipEpoch;
                // The joiner's member list is this snapshot's: later joiners are announced to it.
                // Under the gate so no later join slips in; O(n) like the copy above (RoomRoster).
                roster = room.Roster;
                room.Invites.RemoveAll(invited => NickRules.Comparer.Equals(invited, nick));
                session.AddRoom(room);
            }

            // An account's second device in the room: the others see the nick there already.
            if (!HasOtherSessionOfAccount(others, session))
            {
                // Through the room's announcer, awaited: the joiner's later commands (a message to
                // the room) reach every member after its JOIN.
                await _hub.Router.AnnounceAsync(Audience.OfSnapshot(room, others, epoch), new RoomMemberJoinedEvent(room.Name, nick)
                {
                    Time = _time.GetUtcNow(),
                    ActorAddress = session.UserAddress,
                    Account = session.AccountName,
                    RealName = session.RealName,
                    Role = joined.Role,
                });
                RecordEvent(room, RoomEntryKind.Join, nick, null);
                // IRCv3 away-notify: members learn at once that the user who joined is away.
                if (_hub.AwayMessageOf(nick) is { } away)
                    await _hub.Router.AnnounceAsync(Audience.OfSnapshot(room, others, epoch), new AwayChangedEvent(nick, away) { Time = _time.GetUtcNow(), Address = session.UserAddress });
            }
            IReadOnlyList<RoomMessage> history = historyCount > 0
                ? await _history.ReadAsync(room.Name, Math.Min(historyCount, Options.MaxHistoryPage), beforeId: null, cancellationToken)
                : [];
            return new JoinResult(ChatError.None, room, created, history) { Roster = roster };
        }
    }

    /// <summary>Leaves a room; the remaining members are told. An unregistered room that empties vanishes.</summary>
    /// <param name="session">The leaving session.</param>
    /// <param name="name">The room.</param>
    /// <param name="reason">The reason given, or null.</param>
    /// <returns><see cref="ChatError.None"/>, or why not.</returns>
    public ChatError Part(ChatSession session, string name, string? reason)
    {
        var error = FindMembership(session, name, out var room, out _);
        if (error != ChatError.None)
            return error;
        if (TryRemove(room!, session, out var remaining, out var epoch) && !HasOtherSessionOfAccount(remaining, session))
        {
            _hub.Router.Announce(Audience.OfSnapshot(room!, remaining, epoch), new RoomMemberLeftEvent(room!.Name, session.Nick!, RoomLeaveKind.Parted, reason, By: null) { Time = _time.GetUtcNow(), ActorAddress = session.UserAddress });
            RecordEvent(room, RoomEntryKind.Part, session.Nick!, reason);
        }
        return ChatError.None;
    }

    /// <summary>
    /// Removes <paramref name="targetNick"/> from the room. Needs op rights; only the owner may kick
    /// the owner. Every member, the kicked one included, is told.
    /// </summary>
    /// <param name="by">The op.</param>
    /// <param name="name">The room.</param>
    /// <param name="targetNick">Who to kick, any case.</param>
    /// <param name="reason">The reason given, or null.</param>
    /// <returns><see cref="ChatError.None"/>, or why not.</returns>
    public ChatError Kick(ChatSession by, string name, string targetNick, string? reason)
    {
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;

        RoomMember[] before;
        RoomMember[] targets;
        int epoch;
        var closed = false;
        lock (room!.Gate)
        {
            before = room.MemberArray;
            epoch = room.MembershipEpoch;
            var actor = room.FindMember(by);
            if (actor is null)
                return ChatError.NotInRoom;
            if (!actor.IsOp)
                return ChatError.NotRoomOperator;
            // Every session of the nick in the room goes: an account may be in it from several devices.
            targets = Array.FindAll(before, m => NickRules.Comparer.Equals(m.Session.Nick, targetNick));
            // On other nodes too: the event tells those nodes to drop theirs (RoomHub.Replica).
            var remoteTargets = Array.FindAll(room.RemoteArray, m => NickRules.Comparer.Equals(m.Nick, targetNick));
            if (targets.Length == 0 && remoteTargets.Length == 0)
                return ChatError.TargetNotInRoom;
            if ((Array.Exists(targets, t => t.Role.HasFlag(MemberRole.Owner)) || Array.Exists(remoteTargets, t => t.Role.HasFlag(MemberRole.Owner))) && !actor.Role.HasFlag(MemberRole.Owner))
                return ChatError.NotRoomOperator;
            if (remoteTargets.Length > 0)
            {
                room.PublishRemote(Array.FindAll(room.RemoteArray, m => Array.IndexOf(remoteTargets, m) < 0));
                targetNick = remoteTargets[0].Nick;
            }

            if (targets.Length > 0)
                room.PublishMembers(Array.FindAll(before, m => Array.IndexOf(targets, m) < 0));
            foreach (var target in targets)
                target.Session.RemoveRoom(room);
            closed = CloseIfEmptyUnderGate(room);
        }

        if (closed)
            _history.OnRoomClosed(room.Name);
        var kicked = targets.Length > 0 ? targets[0].Session.Nick ?? targetNick : targetNick;
        _hub.Router.Announce(Audience.OfSnapshot(room, before, epoch), new RoomMemberLeftEvent(room.Name, kicked, RoomLeaveKind.Kicked, reason, by.Nick) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id });
        RecordEvent(room, RoomEntryKind.Kick, by.Nick!, reason, kicked);
        return ChatError.None;
    }

    /// <summary>Takes a session that left the server out of all its rooms; their members are told.</summary>
    /// <param name="session">The session; its nick is still set.</param>
    /// <param name="quit">True for <c>/quit</c>, false for a dropped connection.</param>
    /// <param name="reason">The quit message or drop reason, or null.</param>
    /// <param name="nickStays">True when the nick stays online through another session of the account.</param>
    internal void OnSessionLeft(ChatSession session, bool quit, string? reason, bool nickStays)
    {
        if (session.RoomCount == 0 || session.Nick is not { } nick)
            return;
        var kind = quit ? RoomLeaveKind.Quit : RoomLeaveKind.Dropped;
        foreach (var room in session.Rooms)
        {
            // Queued behind the room's earlier announcements (a JOIN still going out is seen
            // first), in turns, so the leaving connection's disconnect never waits for the fan-out.
            if (TryRemove(room, session, out var remaining, out var epoch) && !HasOtherSessionOfAccount(remaining, session))
            {
                _hub.Router.Announce(Audience.OfSnapshot(room, remaining, epoch), new RoomMemberLeftEvent(room.Name, nick, kind, reason, By: null) { Time = _time.GetUtcNow(), ActorAddress = session.UserAddress, NickStays = nickStays });
                RecordEvent(room, RoomEntryKind.Quit, nick, reason);
            }
        }
    }

    private ChatError CheckJoin(Room room, ChatSession session, string nick, string? key, int memberCount)
    {
        // The owning account of a registered room comes in past its ban list, +i and +k, as a
        // founder does on services-backed networks (Ergo's founder, ChanServ's founder access):
        // it set them, and needs no key to reach its own room. The member limit still holds.
        if (room.OwnerAccountId is { } owner && session.AccountId == owner)
            return memberCount >= Limits.MaxMembersPerRoom ? ChatError.RoomFull : ChatError.None;
        if (room.IsBanned(session))
            return ChatError.Banned;
        var invited = room.Invites.Exists(n => NickRules.Comparer.Equals(n, nick));
        if (room.Modes.HasFlag(RoomModes.InviteOnly) && !invited && !room.Matches(RoomList.InviteExceptions, session))
            return ChatError.InviteOnly;
        if (room.Modes.HasFlag(RoomModes.Keyed) && !string.Equals(room.Key, key, StringComparison.Ordinal))
            return ChatError.BadKey;
        if (memberCount >= Limits.MaxMembersPerRoom || (room.Modes.HasFlag(RoomModes.Limited) && memberCount >= room.Limit))
            return ChatError.RoomFull;
        return ChatError.None;
    }

    // Whoever creates an unregistered room is its op (IRC's channel creator, "@"), nothing more:
    // other ops may deop or kick it. A registered room is owned by an account: a session logged in
    // as it gets owner and op, from any device, whoever else is in the room.
    private static MemberRole InitialRole(Room room, ChatSession session, int memberCount)
    {
        if (room.OwnerAccountId is { } owner)
            return session.AccountId == owner ? MemberRole.Owner | MemberRole.Op : MemberRole.None;
        return memberCount == 0 ? MemberRole.Op : MemberRole.None;
    }

    // Removes the session's membership; false when it was not a member. Closes an emptied unregistered room.
    private bool TryRemove(Room room, ChatSession session, out RoomMember[] remaining, out int epoch)
    {
        var closed = false;
        lock (room.Gate)
        {
            var before = room.MemberArray;
            remaining = Array.FindAll(before, m => m.Session != session);
            session.RemoveRoom(room);
            epoch = room.MembershipEpoch;
            if (remaining.Length == before.Length)
                return false;
            room.PublishMembers(remaining);
            epoch = room.MembershipEpoch;
            closed = CloseIfEmptyUnderGate(room);
        }

        if (closed)
            _history.OnRoomClosed(room.Name);
        return true;
    }

    // Whether another session of the same account (another device) is among the members: then the
    // room sees the nick stay, and one device joining or leaving is not announced.
    private static bool HasOtherSessionOfAccount(RoomMember[] members, ChatSession session)
    {
        if (session.Presence is not { AccountId: not null } account)
            return false;
        foreach (var member in members)
        {
            if (member.Session != session && member.Session.Presence == account)
                return true;
        }

        return false;
    }

    // Caller holds room.Gate. A join that found the room before this sees IsClosed and retries.
    private bool CloseUnderGate(Room room)
    {
        room.IsClosed = true;
        return _rooms.TryRemove(new KeyValuePair<string, Room>(room.Name, room));
    }
}
