using Parley.Core.Accounts.Throttling;

namespace Parley.Core.Accounts;

/// <summary>
/// Port: limits login attempts so that guessing passwords is slow while the owner, who gets it
/// right from an address that has not been failing, is never refused (docs/security.md).
/// </summary>
/// <remarks>
/// Thread-safe. A caller reserves an attempt BEFORE checking the password and completes it after:
/// a success gives the permits back, a failure keeps them. So however many attempts run at once,
/// no more passwords are checked than the limits allow.
/// </remarks>
public interface ILoginThrottle
{
    /// <summary>Reserves one attempt on <paramref name="account"/> from <paramref name="remoteAddress"/>.</summary>
    /// <param name="account">The account tried, any case (or another key naming what is tried, such as a certificate fingerprint).</param>
    /// <param name="remoteAddress">The peer's address, with or without a port.</param>
    /// <returns>
    /// A refusal with the real time left, or a grant, possibly with a delay to wait before checking
    /// (the per-account slowdown). Pass it to <see cref="Complete"/> when granted.
    /// </returns>
    LoginReservation Reserve(string account, string remoteAddress);

    /// <summary>Ends a granted attempt.</summary>
    /// <param name="reservation">What <see cref="Reserve"/> returned.</param>
    /// <param name="failed">True when the credentials were wrong: the attempt counts. False (right, or not checked at all) gives the permits back.</param>
    void Complete(LoginReservation reservation, bool failed);
}
