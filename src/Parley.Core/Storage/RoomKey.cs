namespace Parley.Core.Storage;

/// <summary>The stored lookup key of a room name: lower case. Names are ASCII, so this matches RoomNames.Comparer.</summary>
public static class RoomKey
{
    /// <summary>The key stored for <paramref name="room"/>; every store uses this one, so their keys agree.</summary>
    public static string Of(string room) => room.ToLowerInvariant();
}
