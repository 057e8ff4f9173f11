using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Parley.Core.Accounts;

namespace Parley.Server.Security;

/// <summary>
/// Passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: PBKDF2
/// (HMAC-SHA512, 128-bit salt, 256-bit subkey) in its versioned format, which tells when a hash
/// needs redoing with today's parameters.
/// </summary>
/// <remarks>Thread-safe. Nothing here logs or keeps a password.</remarks>
internal sealed class IdentityPasswordHashing : IPasswordHashing
{
    private static readonly Account Nobody = new(0, "", "");
    private readonly PasswordHasher<Account> _hasher;

    public IdentityPasswordHashing(AccountOptions options) =>
        _hasher = new PasswordHasher<Account>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.PasswordHashIterations,
        }));

    public string Hash(string password) => _hasher.HashPassword(Nobody, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(Nobody, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Success,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
        _ => PasswordCheck.Failed,
    };
}
