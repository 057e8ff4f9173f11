namespace Parley.Core.Events;

/// <summary>Someone registered a nick.</summary>
/// <param name="Nick">The nick as shown.</param>
public sealed class UserJoinedEvent(string Nick) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The user's user name and host, for protocols that show full addresses; null when unknown.</summary>
    public UserAddress? Address { get; init; }
}
