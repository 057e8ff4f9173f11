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
    /// Failed logins allowed per account within <see cref="FailedLoginWindow"/>. Defaults to 5;
    /// further attempts on that account are refused until the window refills.
    /// </summary>
    public int MaxFailedLoginsPerAccount { get; init; } = 5;

    /// <summary>
    /// Failed logins allowed per remote IP address within <see cref="FailedLoginWindow"/>, whatever
    /// the account. Defaults to 20: higher than the per-account limit, so a user behind a shared
    /// address who mistypes once is not locked out by a single guesser.
    /// </summary>
    public int MaxFailedLoginsPerAddress { get; init; } = 20;

    /// <summary>
    /// How long until the failure allowances refill completely. Defaults to 1 minute, which holds
    /// an online guesser to 5 tries per account per minute.
    /// </summary>
    public TimeSpan FailedLoginWindow { get; init; } = TimeSpan.FromMinutes(1);

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
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLoginsPerAccount, 1, nameof(MaxFailedLoginsPerAccount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFailedLoginsPerAddress, 1, nameof(MaxFailedLoginsPerAddress));
        ArgumentOutOfRangeException.ThrowIfLessThan(FailedLoginWindow, TimeSpan.FromMilliseconds(1), nameof(FailedLoginWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(PasswordHashIterations, 10_000, nameof(PasswordHashIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinPasswordLength, 1, nameof(MinPasswordLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinPasswordLength, PasswordRules.MaxLength, nameof(MinPasswordLength));
    }
}
