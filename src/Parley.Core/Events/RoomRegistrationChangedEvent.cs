namespace Parley.Core.Events;

/// <summary>A room was registered to an account, or unregistered; told to every member.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">Who registered or unregistered it (the owner account's nick).</param>
/// <param name="Registered">True when registered, false when unregistered.</param>
public sealed class RoomRegistrationChangedEvent(string Room, string By, bool Registered) : RoomEvent(Room)
{
    /// <summary>Who registered or unregistered it.</summary>
    public string By { get; } = By;

    /// <summary>True when registered, false when unregistered.</summary>
    public bool Registered { get; } = Registered;
}
