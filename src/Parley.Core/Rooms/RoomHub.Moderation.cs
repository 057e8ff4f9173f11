using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>Longest topic, in characters. The line limit bounds it anyway; this keeps <c>/rooms</c> lines short.</summary>
    public const int MaxTopicLength = 300;

    /// <summary>Longest key, in characters.</summary>
    public const int MaxKeyLength = 50;

    /// <summary>Largest member limit for <c>+l</c>: 100,000 (more than any room here holds; a bound for parsers).</summary>
    public const int MaxMemberLimit = 100_000;

    /// <summary>Sets or clears the topic; every member is told. In a <c>+t</c> room only ops may.</summary>
    /// <param name="by">A member.</param>
    /// <param name="name">The room.</param>
    /// <param name="text">The new topic (cut to <see cref="MaxTopicLength"/>), or null to clear it.</param>
    /// <param name="cancellationToken">Cancels the save of a registered room.</param>
    /// <returns><see cref="ChatError.None"/>, or why not.</returns>
    public async ValueTask<ChatError> SetTopicAsync(ChatSession by, string name, string? text, CancellationToken cancellationToken = default)
    {
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;
        if (text is { Length: > MaxTopicLength })
            text = text[..MaxTopicLength];

        RoomMember[] members;
        lock (room!.Gate)
        {
            if (room.FindMember(by) is not { } actor)
                return ChatError.NotInRoom;
            if (room.Modes.HasFlag(RoomModes.TopicLocked) && !actor.IsOp)
                return ChatError.NotRoomOperator;
            room.Topic = string.IsNullOrEmpty(text) ? null : new RoomTopic(text, by.Nick!, _time.GetUtcNow()) { SetByAddress = by.UserAddress };
            members = room.MemberArray;
        }

        Send(room, members, new RoomTopicChangedEvent(room.Name, by.Nick!, room.Topic?.Text) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id });
        RecordEvent(room, RoomEntryKind.Topic, by.Nick!, room.Topic?.Text);
        await PersistAsync(room, cancellationToken);
        return ChatError.None;
    }

    /// <summary>Changes modes; ops only. Members are told what actually changed.</summary>
    /// <param name="by">An op.</param>
    /// <param name="name">The room.</param>
    /// <param name="add">Modes to set.</param>
    /// <param name="remove">Modes to clear (wins over <paramref name="add"/>, except a new key).</param>
    /// <param name="key">The key when <paramref name="add"/> has <see cref="RoomModes.Keyed"/>: one word of at most <see cref="MaxKeyLength"/> characters.</param>
    /// <param name="limit">The member limit when <paramref name="add"/> has <see cref="RoomModes.Limited"/>: 1 to <see cref="MaxMemberLimit"/>.</param>
    /// <param name="cancellationToken">Cancels the save of a registered room.</param>
    /// <returns><see cref="ChatError.None"/>, or why not (<see cref="ChatError.InvalidMode"/> for a missing or bad key or limit).</returns>
    public async ValueTask<ChatError> SetModesAsync(ChatSession by, string name, RoomModes add, RoomModes remove, string? key, int? limit = null, CancellationToken cancellationToken = default)
    {
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;
        if (add.HasFlag(RoomModes.Limited))
        {
            if (limit is not (>= 1 and <= MaxMemberLimit))
                return ChatError.InvalidMode;
            remove &= ~RoomModes.Limited;
        }

        if (add.HasFlag(RoomModes.Keyed))
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.AsSpan().ContainsAny(' ', '\t'))
                return ChatError.InvalidMode;
            remove &= ~RoomModes.Keyed;
        }

        RoomMember[] members;
        string change;
        string? newKey;
        int? newLimit;
        lock (room!.Gate)
        {
            if (room.FindMember(by) is not { IsOp: true })
                return room.FindMember(by) is null ? ChatError.NotInRoom : ChatError.NotRoomOperator;
            var old = room.Modes;
            var now = (old | add) & ~remove;
            var added = now & ~old;
            if (add.HasFlag(RoomModes.Keyed) && !string.Equals(room.Key, key, StringComparison.Ordinal))
                added |= RoomModes.Keyed;
            if (add.HasFlag(RoomModes.Limited) && room.Limit != limit)
                added |= RoomModes.Limited;
            var removed = old & ~now;
            room.Modes = now;
            room.Key = now.HasFlag(RoomModes.Keyed) ? (add.HasFlag(RoomModes.Keyed) ? key : room.Key) : null;
            room.Limit = now.HasFlag(RoomModes.Limited) ? (add.HasFlag(RoomModes.Limited) ? limit!.Value : room.Limit) : 0;
            change = FormatChange(added, removed);
            newKey = added.HasFlag(RoomModes.Keyed) ? room.Key : null;
            newLimit = added.HasFlag(RoomModes.Limited) ? room.Limit : null;
            members = room.MemberArray;
        }

        if (change.Length == 0)
            return ChatError.None;
        Send(room, members, new RoomModeChangedEvent(room.Name, by.Nick!, change) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id, Key = newKey, Limit = newLimit });
        await PersistAsync(room, cancellationToken);
        return ChatError.None;
    }

    /// <summary>
    /// Gives or takes op or voice; ops only. Nobody but the owner itself may take the owner's op
    /// (an owner deopping itself keeps ownership, <c>~</c>, and with it an op's rights, as on InspIRCd).
    /// </summary>
    /// <param name="by">An op.</param>
    /// <param name="name">The room.</param>
    /// <param name="targetNick">The member, any case.</param>
    /// <param name="role"><see cref="MemberRole.Op"/> or <see cref="MemberRole.Voice"/>.</param>
    /// <param name="grant">True to give, false to take.</param>
    /// <returns><see cref="ChatError.None"/> (also when nothing changed), or why not.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is neither op nor voice.</exception>
    public ChatError SetRole(ChatSession by, string name, string targetNick, MemberRole role, bool grant)
    {
        if (role is not (MemberRole.Op or MemberRole.Voice))
            throw new ArgumentOutOfRangeException(nameof(role), role, "only op and voice are given or taken");
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;

        RoomMember[] members;
        lock (room!.Gate)
        {
            if (room.FindMember(by) is not { } actor)
                return ChatError.NotInRoom;
            if (!actor.IsOp)
                return ChatError.NotRoomOperator;
            if (room.FindMember(targetNick) is not { } target)
            {
                // A member on another node: this node's replica changes now, that node's member when the event reaches it.
                var remote = SetRemoteRoleUnderGate(room, targetNick, role, grant, out error);
                if (remote is null)
                    return error;
                members = room.MemberArray;
                targetNick = remote;
            }
            else
            {
                var self = target.Session == by || (by.Presence is not null && target.Session.Presence == by.Presence);
                if (!grant && target.Role.HasFlag(MemberRole.Owner) && role == MemberRole.Op && !self)
                    return ChatError.NotRoomOperator;
                var newRole = grant ? target.Role | role : target.Role & ~role;
                if (newRole == target.Role)
                    return ChatError.None;
                var changed = target with { Role = newRole };
                members = Array.ConvertAll(room.MemberArray, m => m == target ? changed : m);
                room.PublishMembers(members);
                targetNick = changed.Session.Nick ?? targetNick;
            }
        }

        Send(room, members, new RoomRoleChangedEvent(room.Name, by.Nick!, targetNick, role, grant) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id });
        return ChatError.None;
    }

    /// <summary>Sets or lifts a ban; ops only. Setting an existing ban or lifting a missing one changes nothing.</summary>
    /// <param name="by">An op.</param>
    /// <param name="name">The room.</param>
    /// <param name="mask">A nick or mask (<see cref="BanMask"/>).</param>
    /// <param name="add">True to set, false to lift.</param>
    /// <param name="cancellationToken">Cancels the save of a registered room.</param>
    /// <returns><see cref="ChatError.None"/>, or why not (<see cref="ChatError.InvalidMask"/> also when the list is full).</returns>
    public ValueTask<ChatError> SetBanAsync(ChatSession by, string name, string mask, bool add, CancellationToken cancellationToken = default) =>
        SetListEntryAsync(by, name, RoomList.Bans, mask, add, cancellationToken);

    /// <summary>Adds or removes a mask of one of the room's lists (bans, exceptions, invite exceptions, mutes); ops only.</summary>
    /// <param name="by">An op.</param>
    /// <param name="name">The room.</param>
    /// <param name="list">Which list.</param>
    /// <param name="mask">A nick or mask (<see cref="BanMask"/>).</param>
    /// <param name="add">True to add, false to remove.</param>
    /// <param name="cancellationToken">Cancels the save of a registered room.</param>
    /// <returns><see cref="ChatError.None"/> (also when nothing changed), or why not (<see cref="ChatError.InvalidMask"/> also when the list is full).</returns>
    public async ValueTask<ChatError> SetListEntryAsync(ChatSession by, string name, RoomList list, string mask, bool add, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;
        if (!BanMask.IsValid(mask))
            return ChatError.InvalidMask;

        RoomMember[] members;
        lock (room!.Gate)
        {
            if (room.FindMember(by) is not { } actor)
                return ChatError.NotInRoom;
            if (!actor.IsOp)
                return ChatError.NotRoomOperator;
            var masks = room.List(list);
            var existing = masks.FirstOrDefault(b => b.IsSameMask(mask));
            if (add == (existing is not null))
                return ChatError.None;
            if (add && masks.Length >= Options.MaxBansPerRoom)
                return ChatError.InvalidMask;
            room.Publish(list, add ? [.. masks, new BanMask(mask, by.Nick!, _time.GetUtcNow())] : [.. masks.Remove(existing!)]);
            members = room.MemberArray;
        }

        Send(room, members, new RoomBanChangedEvent(room.Name, by.Nick!, mask, add) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id, List = list });
        await PersistAsync(room, cancellationToken);
        return ChatError.None;
    }

    /// <summary>
    /// Invites a user: their next join passes <c>+i</c>. In a <c>+i</c> room only ops may invite.
    /// The invited user is told.
    /// </summary>
    /// <param name="by">A member.</param>
    /// <param name="targetNick">Who to invite; must be online.</param>
    /// <param name="name">The room.</param>
    /// <param name="invited">The invited nick as shown, when done.</param>
    /// <returns><see cref="ChatError.None"/>, or why not.</returns>
    public ChatError Invite(ChatSession by, string targetNick, string name, out string? invited)
    {
        invited = null;
        var error = FindMembership(by, name, out var room, out var member);
        if (error != ChatError.None)
            return error;
        if (room!.Modes.HasFlag(RoomModes.InviteOnly) && !member!.IsOp)
            return ChatError.NotRoomOperator;
        // An account may be online on several devices: each is invited; it is "already in" only when all are.
        var holder = _hub.FindHolder(targetNick);
        var targets = holder?.Sessions ?? [];
        if (targets.Length == 0 || targets[0].Nick is not { } nick)
            return ChatError.NoSuchNick;
        if (targets.All(t => room.FindMember(t) is not null))
            return ChatError.AlreadyInRoom;

        lock (room.Gate)
        {
            if (!room.Invites.Exists(n => NickRules.Comparer.Equals(n, nick)))
            {
                if (room.Invites.Count >= Options.MaxInvitesPerRoom)
                    room.Invites.RemoveAt(0);
                room.Invites.Add(nick);
            }
        }

        var invite = new RoomInviteEvent(room.Name, by.Nick!) { Time = _time.GetUtcNow(), ActorAddress = by.UserAddress, ActorSessionId = by.Id, Nick = nick, ByAccount = by.AccountName };
        _hub.Router.Publish(Audience.OfNick(holder!), invite);
        // The room's ops learn of it too (IRC's invite-notify), the inviter and the invited excepted.
        var notice = new RoomInviteEvent(room.Name, by.Nick!) { Time = invite.Time, ActorAddress = by.UserAddress, ActorSessionId = by.Id, Nick = nick, ByAccount = invite.ByAccount, ToMembers = true };
        _hub.Router.Publish(Audience.OfMembers(room, room.MemberArrayForReading, except: by, exceptNick: holder, minimum: MemberRole.Op), notice);

        invited = nick;
        return ChatError.None;
    }

    private static string FormatChange(RoomModes added, RoomModes removed)
    {
        var text = "";
        if (added != RoomModes.None)
            text += RoomModeLetters.Format(added);
        if (removed != RoomModes.None)
            text += "-" + RoomModeLetters.Format(removed)[1..];
        return text;
    }
}
