namespace Parley.Core.Events;

/// <summary>
/// A nick went away or came back (<see cref="Presence.ChatHub.SetAway"/>), told to the users who
/// share a room with it (IRC's away-notify); the line protocol shows nothing.
/// </summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="Message">The away message, or null when the nick is back.</param>
public sealed class AwayChangedEvent(string Nick, string? Message) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The away message, or null when the nick is back.</summary>
    public string? Message { get; } = Message;

    /// <summary>The user's user name and host, for protocols that show full addresses; null when unknown.</summary>
    public UserAddress? Address { get; init; }
}
