using Parley.Core.Rooms;

namespace Parley.Core.Events;

/// <summary>An op gave or took op or voice; told to every member.</summary>
/// <param name="Room">The room.</param>
/// <param name="By">The op.</param>
/// <param name="Target">The member whose role changed.</param>
/// <param name="Role"><see cref="MemberRole.Op"/> or <see cref="MemberRole.Voice"/>.</param>
/// <param name="Granted">True when given, false when taken.</param>
public sealed class RoomRoleChangedEvent(string Room, string By, string Target, MemberRole Role, bool Granted) : RoomEvent(Room)
{
    /// <summary>The op.</summary>
    public string By { get; } = By;

    /// <summary>The member whose role changed.</summary>
    public string Target { get; } = Target;

    /// <summary><see cref="MemberRole.Op"/> or <see cref="MemberRole.Voice"/>.</summary>
    public MemberRole Role { get; } = Role;

    /// <summary>True when given, false when taken.</summary>
    public bool Granted { get; } = Granted;
}
