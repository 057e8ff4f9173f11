namespace Parley.Core.Events;

/// <summary>
/// A user in rooms signed in to an account (or out of one), told to the users who share a room
/// with it (IRC's account-notify); the line protocol shows nothing.
/// </summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="Account">The account's name, or null when signed out.</param>
public sealed class AccountChangedEvent(string Nick, string? Account) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The account's name, or null when signed out.</summary>
    public string? Account { get; } = Account;

    /// <summary>The user's user name and host, for protocols that show full addresses; null when unknown.</summary>
    public UserAddress? Address { get; init; }
}
