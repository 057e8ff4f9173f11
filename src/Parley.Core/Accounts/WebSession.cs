namespace Parley.Core.Accounts;

/// <summary>
/// A server-issued sign-in session of a browser (docs/web.md "Sign-in sessions"): the cookie's
/// token proves the account until <see cref="ExpiresUtc"/>. Only the token's SHA-256 is kept
/// (<see cref="WebSessionToken.Hash"/>), so a copy of the store signs no one in.
/// </summary>
/// <param name="TokenHash">The token's hash: 64 lower-case hexadecimal digits.</param>
/// <param name="AccountId">The account it signs in to.</param>
/// <param name="CreatedUtc">When it was issued (a sign-in or registration).</param>
/// <param name="LastUsedUtc">When it last proved the account (issued, or a later use that moved its expiry).</param>
/// <param name="ExpiresUtc">From when it proves nothing: <see cref="LastUsedUtc"/> plus <see cref="WebSessionOptions.SessionLifetime"/>.</param>
public sealed record WebSession(string TokenHash, long AccountId, DateTimeOffset CreatedUtc, DateTimeOffset LastUsedUtc, DateTimeOffset ExpiresUtc);
