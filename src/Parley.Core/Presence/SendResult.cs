namespace Parley.Core.Presence;

/// <summary>The outcome of sending a message.</summary>
/// <param name="Error"><see cref="ChatError.None"/> or why it was refused (nothing was sent).</param>
/// <param name="Recipient">For a direct message: the recipient's nick as shown.</param>
/// <param name="Delivered">For a direct message: true when handed to an online session, false when stored for an offline account.</param>
/// <param name="Recipients">For a broadcast: how many other nicks it was handed to.</param>
/// <param name="Committed">
/// Completes when the message is durable; faults when storing failed. Confirm to the sender only
/// after it completes: that is the durability promise (docs/protocol.md).
/// </param>
public readonly record struct SendResult(ChatError Error, string? Recipient, bool Delivered, int Recipients, Task Committed)
{
    /// <summary>
    /// For a direct message: the event as delivered to the recipient's sessions (also when it was
    /// stored for an offline account), so a front-end can echo the same message to its sender
    /// (IRC's echo-message); null when refused.
    /// </summary>
    public Events.DirectMessageEvent? Message { get; init; }

    /// <summary>For <see cref="ChatHub.SendTags"/>: the event as delivered, so the sender's front-end can echo it; else null.</summary>
    public Events.TagMessageEvent? Tags { get; init; }

    /// <summary>For a direct message: true when sent to the sender's own nick (its sessions got it already).</summary>
    public bool ToSelf { get; init; }

    /// <summary>For a direct message: the recipient's away message (<see cref="ChatHub.AwayMessageOf"/>), or null.</summary>
    public string? RecipientAway { get; init; }

    /// <summary>A refusal: nothing sent, nothing to wait for.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static SendResult Refused(ChatError error) => new(error, null, false, 0, Task.CompletedTask);
}
