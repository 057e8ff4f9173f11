namespace Parley.Core.Rooms;

/// <summary>A room's topic, who set it and when.</summary>
/// <param name="Text">The topic text, never empty.</param>
/// <param name="SetBy">The nick (later: account) that set it.</param>
/// <param name="SetAt">When, in UTC.</param>
public sealed record RoomTopic(string Text, string SetBy, DateTimeOffset SetAt);
