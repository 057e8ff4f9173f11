using Parley.Core.Accounts;

namespace Parley.Server.IntegrationTests.Accounts;

/// <summary>The server's real hashing, counting the checks and hashes it does (tests of the throttles).</summary>
internal sealed class CountingPasswordHashing(IPasswordHashing inner) : IPasswordHashing
{
    private int _verifications;
    private int _hashes;

    public int Verifications => Volatile.Read(ref _verifications);

    public int Hashes => Volatile.Read(ref _hashes);

    public string Hash(string password)
    {
        Interlocked.Increment(ref _hashes);
        return inner.Hash(password);
    }

    public PasswordCheck Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        return inner.Verify(hash, password);
    }
}
