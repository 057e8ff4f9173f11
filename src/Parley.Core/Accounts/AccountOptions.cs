namespace Parley.Core.Accounts;

/// <summary>Account and login settings (configuration section <c>Parley:Accounts</c>).</summary>
public sealed record AccountOptions
{
    /// <summary>
    /// Whether connections may use unregistered nicks. Defaults to true, as in the seeds. When
    /// false, only <c>/login</c> and <c>/register &lt;nick&gt; &lt;password&gt;</c> give a nick.
    /// </summary>
    public bool AllowGuests { get; init; } = true;

    /// <summary>
    /// Whether a session logged in to an account shows the account cloak
    /// <c>&lt;account&gt;.users.parley</c> as its host (IRC's <c>nick!user@host</c>) instead of the
    /// fixed <c>parley</c> every session shows by default. Defaults to false. Either way the
    /// peer's address is never shown: the cloak names only the account, which the nick already
    /// reveals, and it stays the same across devices and reconnects (docs/irc.md, "Cloaks").
    /// </summary>
    public bool AccountCloaks { get; init; }

    /// <summary>
    /// Failed logins allowed per (account, remote address) within <see cref="FailedLoginWindow"/>.
    /// Defaults to 5; further attempts on that account from that address are refused
    /// (<c>RATE_LIMITED</c>, with the real time left) until the allowance drains back. Attempts from
    /// other addresses are not affected, so failures cannot lock the owner out.
    /// </summary>
    public int MaxFailedLoginsPerAccountAndAddress { get; init; } = 5;

    /// <summary>
    /// Failed logins allowed per remote IP address (IPv6: per /64) within
    /// <see cref="FailedLoginWindow"/>, whatever the account; further attempts from it are refused.
    /// Defaults to 20: higher than the per-account-and-address limit, so a user behind a shared
    /// address who mistypes is not locked out by one guesser on the same network.
    /// </summary>
    public int MaxFailedLoginsPerAddress { get; init; } = 20;

    /// <summary>
    /// Failed logins per account, from all addresses together, within <see cref="FailedLoginWindow"/>
    /// before attempts on it are slowed down: each further attempt waits (before its password is
    /// checked) until the failures drain back below this, at most <see cref="MaxLoginDelay"/>. It
    /// delays and never refuses, so guessers spread over many addresses cannot lock the owner out.
    /// Defaults to 10.
    /// </summary>
    public int MaxFailedLoginsPerAccount { get; init; } = 10;

    /// <summary>
    /// The longest wait of the per-account slowdown (<see cref="MaxFailedLoginsPerAccount"/>).
    /// Defaults to 5 s: long enough to hold a distributed guesser to a few checks per account and
    /// connection per window, short enough for the owner to wait through. Zero turns the slowdown off.
    /// </summary>
    public TimeSpan MaxLoginDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a full failure allowance takes to drain back (they drain steadily, so one failure
    /// is forgiven after a fifth of it with the default 5). Defaults to 1 minute, which holds a
    /// guesser to 5 tries per account per minute from one address.
    /// </summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// New accounts per remote address (IPv6: per /64) within <see cref="RegistrationWindow"/>.
    /// Defaults to 5; further <c>/register</c>s from it are refused (<c>RATE_LIMITED</c>, with the time left).
    /// </summary>
    public int MaxRegistrationsPerAddress { get; init; } = 5;

    /// <summary>
    /// New accounts server-wide within <see cref="RegistrationWindow"/>. Defaults to 30, Ergo's
    /// <c>accounts.registration.throttling</c> (30 per 10 minutes): every account reserves its nick
    /// for ever, so a flood of them must not go unbounded.
    /// </summary>
    public int MaxRegistrations { get; init; } = 30;

    /// <summary>How long a full registration allowance takes to drain back. Defaults to 10 minutes (Ergo's).</summary>
    public TimeSpan RegistrationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Password hashes (logins, registrations, password changes) computed at once. Defaults to 0:
    /// one less than the processor count, at least 1, so hashing never takes every core from chat.
    /// </summary>
    public int MaxConcurrentHashes { get; init; }

    /// <summary>
    /// Password hashes that may wait for one of <see cref="MaxConcurrentHashes"/>; beyond, an attempt
    /// is refused at once with <c>BUSY</c>. Defaults to 32 (about 3 s of waiting at 100,000
    /// iterations on one core).
    /// </summary>
    public int MaxQueuedHashes { get; init; } = 32;

    /// <summary>
    /// Sessions (connections) that may be logged in to one account at once. Defaults to 16 (the
    /// laptop, the phone, a bouncer and spares; Ergo's per-address connection limit): one message
    /// from one device becomes an echo to each of the others, so the cap bounds that fan-out. The
    /// next login is refused (<c>TOO_MANY_SESSIONS</c>); sessions already in are untouched.
    /// </summary>
    public int MaxSessionsPerAccount { get; init; } = 16;

    /// <summary>
    /// PBKDF2 iterations for new password hashes. Defaults to 100,000 (ASP.NET Core Identity's
    /// default). Hashes made with fewer iterations are replaced at the owner's next login.
    /// At least 10,000.
    /// </summary>
    public int PasswordHashIterations { get; init; } = 100_000;

    /// <summary>
    /// The shortest password accepted wherever one is set (<c>/register</c>, <c>/passwd</c>, NickServ
    /// <c>REGISTER</c> and <c>SET PASSWORD</c>, IRCv3 <c>REGISTER</c>), in characters. Defaults to 8
    /// (<see cref="PasswordRules.MinLength"/>, NIST SP 800-63B's floor); 1 to 128. Existing
    /// passwords stay valid when it is raised.
    /// </summary>
    public int MinPasswordLength { get; init; } = PasswordRules.MinLength;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLoginsPerAccountAndAddress, 1, nameof(MaxFailedLoginsPerAccountAndAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLoginsPerAccount, 1, nameof(MaxFailedLoginsPerAccount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLoginDelay, TimeSpan.Zero, nameof(MaxLoginDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLoginsPerAddress, 1, nameof(MaxFailedLoginsPerAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailedLoginWindow, TimeSpan.FromMilliseconds(1), nameof(FailedLoginWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(PasswordHashIterations, 10_000, nameof(PasswordHashIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegistrationsPerAddress, 1, nameof(MaxRegistrationsPerAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegistrations, 1, nameof(MaxRegistrations));
        ArgumentOutOfRangeException.ThrowIfLessThan(RegistrationWindow, TimeSpan.FromMilliseconds(1), nameof(RegistrationWindow));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxConcurrentHashes, nameof(MaxConcurrentHashes));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxQueuedHashes, nameof(MaxQueuedHashes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSessionsPerAccount, 1, nameof(MaxSessionsPerAccount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinPasswordLength, 1, nameof(MinPasswordLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinPasswordLength, PasswordRules.MaxLength, nameof(MinPasswordLength));
    }
}
