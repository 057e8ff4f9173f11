namespace Parley.Core.Events;

/// <summary>A registered user went away, by <c>/quit</c> or by losing the connection.</summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="Quit">True for a deliberate quit; false when the connection dropped.</param>
/// <param name="Reason">The quit message or the drop reason; null when none was given.</param>
public sealed class UserLeftEvent(string Nick, bool Quit, string? Reason) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;

    /// <summary>True for a deliberate quit; false when the connection dropped.</summary>
    public bool Quit { get; } = Quit;

    /// <summary>The quit message or the drop reason; null when none was given.</summary>
    public string? Reason { get; } = Reason;

    /// <summary>The user's user name and host, for protocols that show full addresses; null when unknown.</summary>
    public UserAddress? Address { get; init; }

    /// <summary>
    /// The names of the rooms the user was in when this happened, a snapshot; protocols that show
    /// this only to users sharing a room (IRC) check it per recipient
    /// (<see cref="Sessions.ChatSession.IsInRoom"/>). Empty when none.
    /// </summary>
    public IReadOnlyList<string> Rooms { get; init; } = [];

    /// <summary>
    /// Set when the session did not leave but took another nick: a guest signing in to an account
    /// that is online already. Protocols that show renames (IRC) show one; null otherwise.
    /// </summary>
    public string? RenamedTo { get; init; }
}
