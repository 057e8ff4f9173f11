namespace Parley.Core.Presence;

/// <summary>The outcome of signing in (login or registration) or of asking for waiting messages.</summary>
/// <param name="Error"><see cref="ChatError.None"/> or why it was refused.</param>
/// <param name="Nick">The nick the session holds, on success (the account's name unless an IRC client kept its own).</param>
/// <param name="Delivered">How many stored messages were delivered to the session.</param>
/// <param name="Waiting">How many more still wait (deliveries are capped per call).</param>
/// <param name="RetryAfter">For <see cref="ChatError.RateLimited"/>: how long to wait.</param>
public readonly record struct SignInResult(ChatError Error, string? Nick = null, int Delivered = 0, int Waiting = 0, TimeSpan RetryAfter = default)
{
    /// <summary>The account's name, on a successful sign-in or login; else null.</summary>
    public string? Account { get; init; }

    /// <summary>A refusal.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static SignInResult Refused(ChatError error) => new(error);
}
