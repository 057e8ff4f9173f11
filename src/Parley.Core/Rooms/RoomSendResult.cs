using Parley.Core.Events;

namespace Parley.Core.Rooms;

/// <summary>What <see cref="RoomHub.SayAsync"/> (or <see cref="RoomHub.SayToRole"/>) did.</summary>
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

    /// <summary>
    /// The sender's own echo of the message (<see cref="RoomMessageEvent.IsEcho"/>), for its front-end
    /// to send when its protocol shows one (the line protocol's <c>ECHO</c>; IRC's echo-message, after
    /// the commit); null when refused. It is not handed to the sender's session: only the sender's
    /// account's other sessions in the room get theirs through the router, as the DM send returns its
    /// event (<see cref="Presence.SendResult.Message"/>).
    /// </summary>
    public RoomMessageEvent? Echo { get; init; }
}
