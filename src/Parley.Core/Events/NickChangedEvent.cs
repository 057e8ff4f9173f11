namespace Parley.Core.Events;

/// <summary>A registered user changed nick.</summary>
/// <param name="OldNick">The previous nick.</param>
/// <param name="NewNick">The new nick.</param>
public sealed class NickChangedEvent(string OldNick, string NewNick) : ChatEvent
{
    /// <summary>The previous nick.</summary>
    public string OldNick { get; } = OldNick;

    /// <summary>The new nick.</summary>
    public string NewNick { get; } = NewNick;

    /// <summary>The user's user name and host, for protocols that show full addresses; null when unknown.</summary>
    public UserAddress? Address { get; init; }

    /// <summary>
    /// The names of the rooms the user was in when this happened, a snapshot; protocols that show
    /// this only to users sharing a room (IRC) check it per recipient
    /// (<see cref="Sessions.ChatSession.IsInRoom"/>). Empty when none.
    /// </summary>
    public IReadOnlyList<string> Rooms { get; init; } = [];
}
