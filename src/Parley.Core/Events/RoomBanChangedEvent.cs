namespace Parley.Core.Events;

/// <summary>An op set or lifted a ban; told to every member.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">The op.</param>
/// <param name="Mask">The ban mask.</param>
/// <param name="Added">True when set, false when lifted.</param>
public sealed class RoomBanChangedEvent(string Room, string By, string Mask, bool Added) : RoomEvent(Room)
{
    /// <summary>The op.</summary>
    public string By { get; } = By;

    /// <summary>The ban mask.</summary>
    public string Mask { get; } = Mask;

    /// <summary>True when set, false when lifted.</summary>
    public bool Added { get; } = Added;

    /// <summary>Which list changed: bans unless said otherwise (exceptions, invite exceptions, mutes).</summary>
    public Rooms.RoomList List { get; init; }
}
