namespace Parley.Core.Rooms;

/// <summary>What <see cref="RoomHub.SayAsync"/> did.</summary>
/// <param name="Error"><see cref="Presence.ChatError.None"/> when sent, else why not.</param>
/// <param name="Message">The message as stored, when sent.</param>
/// <param name="Recipients">Members it was handed to, the sender not counted.</param>
/// <param name="Committed">
/// Completes when the message is durable in the <see cref="IRoomHistory"/> (faults when storing it
/// failed); already complete when refused. The sender's <c>OK</c> waits for it.
/// </param>
public readonly record struct RoomSendResult(Presence.ChatError Error, RoomMessage? Message, int Recipients, Task Committed)
{
    /// <summary>A refusal: nothing sent, nothing to wait for.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static RoomSendResult Refused(Presence.ChatError error) => new(error, null, 0, Task.CompletedTask);
}
