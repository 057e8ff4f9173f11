using Parley.Core.Rooms;

namespace Parley.Core.Events;

/// <summary>A room a user is in and its role there, as events carry it (data, not the live room).</summary>
/// <param name="Room">The room's name as created.</param>
/// <param name="Role">The user's role in it when the event was made.</param>
public sealed record RoomMembership(string Room, MemberRole Role);
