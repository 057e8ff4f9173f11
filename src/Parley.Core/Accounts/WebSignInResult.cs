using Parley.Core.Presence;

namespace Parley.Core.Accounts;

/// <summary>The outcome of a browser's sign-in or registration (<see cref="WebSessionService"/>).</summary>
/// <param name="Error">
/// <see cref="ChatError.None"/> (signed in: <see cref="Token"/> is set), or why not, as
/// <see cref="AccountService.LoginAsync"/> and <see cref="AccountService.RegisterAsync"/> say it.
/// </param>
/// <param name="Account">The account's name as registered, on success.</param>
/// <param name="Token">The new session's token for the cookie, on success; never stored.</param>
/// <param name="ExpiresUtc">When the new session expires unless used, on success.</param>
/// <param name="RetryAfter">For <see cref="ChatError.RateLimited"/> and <see cref="ChatError.TooManyRegistrations"/>: how long to wait.</param>
public readonly record struct WebSignInResult(
    ChatError Error, string? Account = null, string? Token = null, DateTimeOffset ExpiresUtc = default, TimeSpan RetryAfter = default)
{
    /// <summary>
    /// True when the password was refused unread because the connection may not carry one
    /// (<see cref="Security.LoginTransportPolicy"/>: plain HTTP from an untrusted network); then
    /// <see cref="Error"/> is <see cref="ChatError.AuthFailed"/>.
    /// </summary>
    public bool TlsRequired { get; init; }
}
