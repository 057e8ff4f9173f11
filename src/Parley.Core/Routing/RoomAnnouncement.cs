using Parley.Core.Events;
using Parley.Core.Rooms;
using Parley.Core.Sessions;

namespace Parley.Core.Routing;

/// <summary>One event queued for a room's members (<see cref="RoomAnnouncer"/>).</summary>
/// <param name="Members">The members to tell, a snapshot.</param>
/// <param name="Epoch">The room's <see cref="Room.MembershipEpoch"/> of that snapshot.</param>
/// <param name="Event">The event, one instance for every member.</param>
/// <param name="Skip">Members not to tell, checked at delivery; null for none.</param>
/// <param name="Done">Completed once every member was handed it; null when nobody waits.</param>
internal sealed record RoomAnnouncement(RoomMember[] Members, int Epoch, ChatEvent Event, Func<ChatSession, bool>? Skip, TaskCompletionSource? Done);
