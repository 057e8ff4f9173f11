using Parley.Core.Accounts;

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="ICertificateStore"/> promises.</summary>
public abstract class CertificateStoreContract : StoreContract
{
    [Fact]
    public async Task An_added_certificate_finds_its_account_and_is_listed_oldest_first()
    {
        var alice = await CreateAccountAsync("Alice");

        var added = await Store.Certificates.AddAsync(alice.Id, Fingerprint, "laptop", T0, maxPerAccount: 20);
        await Store.Certificates.AddAsync(alice.Id, Other, null, T0.AddMinutes(1), maxPerAccount: 20);

        Assert.Equal(CertificateAddResult.Added, added);
        Assert.Equal(alice, await Store.Certificates.FindAccountByCertificateAsync(Fingerprint));
        Assert.Null(await Store.Certificates.FindAccountByCertificateAsync("SHA256:00"));
        Assert.Equal(
            [new AccountCertificate(Fingerprint, alice.Id, T0, "laptop"), new AccountCertificate(Other, alice.Id, T0.AddMinutes(1), null)],
            await Store.Certificates.ListAsync(alice.Id));
    }

    [Fact]
    public async Task An_account_without_certificates_lists_none()
    {
        var alice = await CreateAccountAsync("alice");

        Assert.Empty(await Store.Certificates.ListAsync(alice.Id));
    }

    [Fact]
    public async Task A_fingerprint_belongs_to_one_account_and_an_account_to_at_most_the_limit()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        await Store.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 1);

        var byBob = await Store.Certificates.AddAsync(bob.Id, Fingerprint, null, T0, maxPerAccount: 1);
        var again = await Store.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 1);
        var full = await Store.Certificates.AddAsync(alice.Id, Other, null, T0, maxPerAccount: 1);

        Assert.Equal(CertificateAddResult.AlreadyRegistered, byBob);
        Assert.Equal(CertificateAddResult.AlreadyRegistered, again);
        Assert.Equal(CertificateAddResult.LimitReached, full);
        Assert.Equal(alice, await Store.Certificates.FindAccountByCertificateAsync(Fingerprint));
        Assert.Empty(await Store.Certificates.ListAsync(bob.Id));
    }

    [Fact]
    public async Task Removing_takes_only_the_owners_certificate()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        await Store.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 20);

        Assert.False(await Store.Certificates.RemoveAsync(bob.Id, Fingerprint));
        Assert.True(await Store.Certificates.RemoveAsync(alice.Id, Fingerprint));
        Assert.False(await Store.Certificates.RemoveAsync(alice.Id, Fingerprint));
        Assert.Null(await Store.Certificates.FindAccountByCertificateAsync(Fingerprint));
    }

    [Fact]
    public async Task Deleting_an_account_deletes_its_certificates()
    {
        var alice = await CreateAccountAsync("alice");
        await Store.Certificates.AddAsync(alice.Id, Fingerprint, null, T0, maxPerAccount: 20);

        await Store.Accounts.DeleteAsync(alice.Id);

        Assert.Null(await Store.Certificates.FindAccountByCertificateAsync(Fingerprint));
    }
}
