namespace Parley.Core.Rooms;

/// <summary>One message said in a room: what history stores and what members receive.</summary>
/// <param name="Id">Server-assigned id, increasing in time (see <see cref="MessageIds"/>).</param>
/// <param name="Room">The room's name as created.</param>
/// <param name="From">The sender's nick as shown.</param>
/// <param name="Text">Message text.</param>
/// <param name="Time">When the server accepted it, in UTC.</param>
/// <param name="FromAccountId">The sender's account when logged in; null for a guest.</param>
public sealed record RoomMessage(long Id, string Room, string From, string Text, DateTimeOffset Time, long? FromAccountId = null)
{
    /// <summary>A message (the default), or an event kept for IRC's draft/event-playback (<see cref="IRoomHistory.AppendEvent"/>).</summary>
    public RoomEntryKind Kind { get; init; }

    /// <summary>A kick's kicked nick; null otherwise.</summary>
    public string? Target { get; init; }
}
