using Parley.Core.Presence;
using Parley.Core.Sessions;

namespace Parley.Core.Rooms;

public sealed partial class RoomHub
{
    /// <summary>The rooms <paramref name="asker"/> may see: every room but the secret ones it is not in.</summary>
    /// <param name="asker">The asking session.</param>
    /// <returns>A snapshot, in no particular order.</returns>
    public IReadOnlyList<Room> VisibleRooms(ChatSession asker)
    {
        var rooms = new List<Room>();
        foreach (var (_, room) in _rooms)
        {
            if (!room.IsSecret || room.FindMember(asker) is not null)
                rooms.Add(room);
        }

        return rooms;
    }

    /// <summary>Finds a room <paramref name="asker"/> may look at (<c>/who</c>, <c>/topic</c>): any room but a secret one it is not in.</summary>
    /// <param name="asker">The asking session.</param>
    /// <param name="name">The room.</param>
    /// <param name="room">The room when visible.</param>
    /// <returns><see cref="ChatError.None"/>, <see cref="ChatError.InvalidRoom"/> or <see cref="ChatError.NoSuchRoom"/>.</returns>
    public ChatError FindVisible(ChatSession asker, string name, out Room? room)
    {
        ArgumentNullException.ThrowIfNull(asker);
        room = null;
        if (!RoomNames.IsValid(name))
            return ChatError.InvalidRoom;
        var found = Find(name);
        if (found is null || (found.IsSecret && found.FindMember(asker) is null))
            return ChatError.NoSuchRoom;
        room = found;
        return ChatError.None;
    }

    /// <summary>Finds a room <paramref name="member"/> is in (<c>/ban</c> lists, <c>/mode</c> queries).</summary>
    /// <param name="member">The asking session.</param>
    /// <param name="name">The room.</param>
    /// <param name="room">The room when the session is a member.</param>
    /// <returns><see cref="ChatError.None"/>, or why not.</returns>
    public ChatError FindJoined(ChatSession member, string name, out Room? room) => FindMembership(member, name, out room, out _);
}
