using Parley.Core.Rooms;

namespace Parley.Core.Storage;

/// <summary>
/// How the room lists share the <c>room_bans</c> table (migration 5): a ban is stored as its mask,
/// another list's mask with a prefix, <c>e:</c> exceptions, <c>I:</c> invite exceptions, <c>m:</c>
/// mutes. A mask never starts with a letter and a colon, so the prefix is unambiguous.
/// </summary>
public static class RoomListMasks
{
    /// <summary>The stored text of a mask of <paramref name="list"/>.</summary>
    public static string Encode(RoomList list, string mask) => list switch
    {
        RoomList.Exceptions => "e:" + mask,
        RoomList.InviteExceptions => "I:" + mask,
        RoomList.Mutes => "m:" + mask,
        _ => mask,
    };

    /// <summary>The list and mask of a stored text.</summary>
    public static (RoomList List, string Mask) Decode(string stored) => stored.Length > 2 && stored[1] == ':'
        ? stored[0] switch
        {
            'e' => (RoomList.Exceptions, stored[2..]),
            'I' => (RoomList.InviteExceptions, stored[2..]),
            'm' => (RoomList.Mutes, stored[2..]),
            _ => (RoomList.Bans, stored),
        }
        : (RoomList.Bans, stored);
}
