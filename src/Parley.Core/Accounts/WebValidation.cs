namespace Parley.Core.Accounts;

/// <summary>A valid web session's token, resolved (<see cref="WebSessionService.ValidateAsync"/>).</summary>
/// <param name="AccountId">The account's id.</param>
/// <param name="Account">The account's name as registered.</param>
/// <param name="ExpiresUtc">When the session expires unless used again.</param>
/// <param name="Renewed">True when this use moved the expiry (a cookie re-sent with the new one keeps the browser's copy in step).</param>
/// <param name="SessionId">The session's id: its token's hash (<see cref="WebSession.TokenHash"/>), never the token.</param>
public sealed record WebValidation(long AccountId, string Account, DateTimeOffset ExpiresUtc, bool Renewed, string SessionId);
