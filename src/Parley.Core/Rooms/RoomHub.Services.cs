using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Routing;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>The address ChanServ's actions carry (<c>ChanServ!ChanServ@services</c> on IRC).</summary>
    public static readonly UserAddress ServiceAddress = new(ServiceNicks.ChanServ, "services");

    /// <summary>
    /// Gives or takes op or voice as the registered room's owner account, whether or not the owner
    /// is an op right now (ChanServ <c>OP</c>/<c>DEOP</c>/<c>VOICE</c>/<c>DEVOICE</c>). The change
    /// is made by ChanServ: members see <c>ChanServ</c> as its actor.
    /// </summary>
    /// <param name="by">A session signed in to the room's owner account; it need not be in the room.</param>
    /// <param name="name">The room.</param>
    /// <param name="targetNick">The member, any case.</param>
    /// <param name="role"><see cref="MemberRole.Op"/> or <see cref="MemberRole.Voice"/>.</param>
    /// <param name="grant">True to give, false to take.</param>
    /// <returns>
    /// <see cref="ChatError.None"/> (also when nothing changed), or why not: <see cref="ChatError.NotLoggedIn"/>,
    /// <see cref="ChatError.RoomNotRegistered"/>, <see cref="ChatError.NotRoomOwner"/>,
    /// <see cref="ChatError.TargetNotInRoom"/>, or a lookup error.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is neither op nor voice.</exception>
    public ChatError SetRoleAsOwner(ChatSession by, string name, string targetNick, MemberRole role, bool grant)
    {
        ArgumentNullException.ThrowIfNull(targetNick);
        if (role is not (MemberRole.Op or MemberRole.Voice))
            throw new ArgumentOutOfRangeException(nameof(role), role, "only op and voice are given or taken");
        var error = FindVisible(by, name, out var room);
        if (error != ChatError.None)
            return error;
        if (by.AccountId is not { } accountId)
            return ChatError.NotLoggedIn;

        RoomMember[] members;
        RoomMember changed;
        lock (room!.Gate)
        {
            if (!room.IsRegistered)
                return ChatError.RoomNotRegistered;
            if (room.OwnerAccountId != accountId)
                return ChatError.NotRoomOwner;
            if (room.FindMember(targetNick) is not { } target)
                return ChatError.TargetNotInRoom;
            var newRole = grant ? target.Role | role : target.Role & ~role;
            if (newRole == target.Role)
                return ChatError.None;
            changed = target with { Role = newRole };
            members = Array.ConvertAll(room.MemberArray, m => m == target ? changed : m);
            room.PublishMembers(members);
        }

        Send(room, members, new RoomRoleChangedEvent(room.Name, ServiceNicks.ChanServ, changed.Session.Nick ?? targetNick, role, grant)
        {
            Time = _time.GetUtcNow(),
            ActorAddress = ServiceAddress,
        });
        return ChatError.None;
    }

    /// <summary>
    /// Makes the rooms registered to a dropped account ordinary (NickServ <c>DROP</c>): their records
    /// leave the store, empty ones close, members are told.
    /// </summary>
    /// <param name="accountId">The dropped account.</param>
    /// <param name="cancellationToken">Cancels the deletes.</param>
    /// <returns>How many rooms were unregistered.</returns>
    public async ValueTask<int> OnAccountDroppedAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var room in _rooms.Values)
        {
            RoomMember[] members;
            var closed = false;
            lock (room.Gate)
            {
                if (room.OwnerAccountId != accountId)
                    continue;
                room.OwnerAccountId = null;
                members = room.MemberArray;
                if (members.Length == 0)
                    closed = CloseUnderGate(room);
            }

            count++;
            Send(room, members, new RoomRegistrationChangedEvent(room.Name, ServiceNicks.NickServ, Registered: false));
            await PersistAsync(room, cancellationToken, registrationChanged: true);
            if (closed)
                _history.OnRoomClosed(room.Name);
        }

        return count;
    }
}
