namespace Parley.Core.Accounts;

/// <summary>Port: hashes and verifies passwords (the host uses ASP.NET Core Identity's PBKDF2 hasher).</summary>
/// <remarks>Thread-safe. Implementations never log or keep the password.</remarks>
public interface IPasswordHashing
{
    /// <summary>Hashes a password for storage.</summary>
    /// <param name="password">The clear password.</param>
    /// <returns>A self-describing hash (algorithm, parameters, salt, subkey).</returns>
    string Hash(string password);

    /// <summary>Checks <paramref name="password"/> against <paramref name="hash"/>.</summary>
    /// <param name="hash">A hash from <see cref="Hash"/>, possibly in an older format.</param>
    /// <param name="password">The clear password to check.</param>
    /// <returns>Whether it matches, and whether the hash should be replaced by a fresh one.</returns>
    PasswordCheck Verify(string hash, string password);
}
