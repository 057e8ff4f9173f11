using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>
    /// Registers a room to the caller's account (<c>/register #room</c>): it then persists in the
    /// <see cref="IRoomStore"/> with its settings, bans and topic, stays when empty, and whoever logs
    /// in as that account gets owner and op rights on joining. The caller must be logged in and an
    /// op of the room. Members are told.
    /// </summary>
    /// <param name="by">An op of the room, logged in.</param>
    /// <param name="name">The room.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, or why not: <see cref="ChatError.NotLoggedIn"/>,
    /// <see cref="ChatError.NotRoomOperator"/>, <see cref="ChatError.RoomRegistered"/>, or a membership error.
    /// </returns>
    /// <remarks>
    /// The account's sessions in the room become its owners (<c>~</c>); a guest who created the
    /// room keeps op but is no longer its owner.
    /// </remarks>
    public async ValueTask<ChatError> RegisterAsync(ChatSession by, string name, CancellationToken cancellationToken = default)
    {
        var error = FindMembership(by, name, out var room, out _);
        if (error != ChatError.None)
            return error;
        if (by.AccountId is not { } accountId)
            return ChatError.NotLoggedIn;

        RoomMember[] members;
        lock (room!.Gate)
        {
            if (room.FindMember(by) is not { } actor)
                return ChatError.NotInRoom;
            if (room.IsRegistered)
                return ChatError.RoomRegistered;
            if (!actor.IsOp)
                return ChatError.NotRoomOperator;
            room.OwnerAccountId = accountId;
            members = Array.ConvertAll(room.MemberArray, m => m.Session.AccountId == accountId
                ? m with { Role = m.Role | MemberRole.Owner | MemberRole.Op }
                : m.Role.HasFlag(MemberRole.Owner) ? m with { Role = (m.Role & ~MemberRole.Owner) | MemberRole.Op } : m);
            room.PublishMembers(members);
        }

        Send(room, members, new RoomRegistrationChangedEvent(room.Name, by.Nick!, Registered: true) { ActorSessionId = by.Id });
        await PersistAsync(room, cancellationToken, registrationChanged: true);
        return ChatError.None;
    }

    /// <summary>
    /// Unregisters a room (<c>/unregister #room</c>): its record leaves the store, and it becomes an
    /// ordinary room that vanishes, with its history, when empty (at once when it is empty now).
    /// Only a session logged in as the owner account may; it need not be in the room. Members are told.
    /// </summary>
    /// <param name="by">A session logged in as the owner.</param>
    /// <param name="name">The room.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>
    /// <see cref="ChatError.None"/>, or why not: <see cref="ChatError.NotRegistered"/>,
    /// <see cref="ChatError.InvalidRoom"/>, <see cref="ChatError.NoSuchRoom"/>, <see cref="ChatError.NotLoggedIn"/>,
    /// <see cref="ChatError.RoomNotRegistered"/>, <see cref="ChatError.NotRoomOwner"/>.
    /// </returns>
    public async ValueTask<ChatError> UnregisterAsync(ChatSession by, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!by.IsRegistered)
            return ChatError.NotRegistered;
        var error = FindVisible(by, name, out var room);
        if (error != ChatError.None)
            return error;
        if (by.AccountId is not { } accountId)
            return ChatError.NotLoggedIn;

        RoomMember[] members;
        var closed = false;
        lock (room!.Gate)
        {
            if (!room.IsRegistered)
                return ChatError.RoomNotRegistered;
            if (room.OwnerAccountId != accountId)
                return ChatError.NotRoomOwner;
            room.OwnerAccountId = null;
            members = room.MemberArray;
            if (members.Length == 0)
                closed = CloseUnderGate(room);
        }

        Send(room, members, new RoomRegistrationChangedEvent(room.Name, by.Nick!, Registered: false) { ActorSessionId = by.Id });
        await PersistAsync(room, cancellationToken, registrationChanged: true);
        if (closed)
            _history.OnRoomClosed(room.Name);
        return ChatError.None;
    }
}
