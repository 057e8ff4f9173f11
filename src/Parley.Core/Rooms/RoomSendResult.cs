namespace Parley.Core.Rooms;

/// <summary>What <see cref="RoomHub.SayAsync"/> did.</summary>
/// <param name="Error"><see cref="Presence.ChatError.None"/> when sent, else why not.</param>
/// <param name="Message">The message as stored, when sent.</param>
/// <param name="Recipients">Members it was handed to, the sender not counted.</param>
public readonly record struct RoomSendResult(Presence.ChatError Error, RoomMessage? Message, int Recipients);
