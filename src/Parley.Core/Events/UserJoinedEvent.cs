namespace Parley.Core.Events;

/// <summary>Someone registered a nick.</summary>
/// <param name="Nick">The nick as shown.</param>
public sealed class UserJoinedEvent(string Nick) : ChatEvent
{
    /// <summary>The nick as shown.</summary>
    public string Nick { get; } = Nick;
}
