namespace Parley.Core.Accounts;

/// <summary>The outcome of <see cref="IPasswordHashing.Verify"/>.</summary>
public enum PasswordCheck
{
    /// <summary>Wrong password.</summary>
    Failed,

    /// <summary>Right password.</summary>
    Success,

    /// <summary>Right password, but the hash uses older parameters: store a fresh hash.</summary>
    SuccessRehashNeeded,
}
