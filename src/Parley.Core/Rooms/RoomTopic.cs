namespace Parley.Core.Rooms;

/// <summary>A room's topic, who set it and when.</summary>
/// <param name="Text">The topic text, never empty.</param>
/// <param name="SetBy">The nick that set it.</param>
/// <param name="SetAt">When, in UTC.</param>
public sealed record RoomTopic(string Text, string SetBy, DateTimeOffset SetAt)
{
    /// <summary>
    /// The setter's user name and host when it set the topic (IRC's 333 shows <c>nick!user@host</c>);
    /// null when unknown: a topic restored from the store keeps only the nick.
    /// </summary>
    public Events.UserAddress? SetByAddress { get; init; }
}
