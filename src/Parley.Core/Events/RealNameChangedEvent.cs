namespace Parley.Core.Events;

/// <summary>A user changed its real name (IRC's <c>SETNAME</c>); told to the users sharing a room with it.</summary>
/// <param name="Nick">Who.</param>
/// <param name="RealName">The new real name.</param>
public sealed class RealNameChangedEvent(string Nick, string RealName) : ChatEvent
{
    /// <summary>Who changed it.</summary>
    public string Nick { get; } = Nick;

    /// <summary>The new real name.</summary>
    public string RealName { get; } = RealName;

    /// <summary>The user's address, for <c>nick!user@host</c>.</summary>
    public UserAddress? Address { get; init; }
}
