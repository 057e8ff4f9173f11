namespace Parley.Storage.Postgres;

/// <summary>The stored lookup key of a room name: lower case. Names are ASCII, so this matches RoomNames.Comparer.</summary>
internal static class RoomKey
{
    public static string Of(string room) => room.ToLowerInvariant();
}
