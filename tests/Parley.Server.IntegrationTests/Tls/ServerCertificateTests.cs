using System.Security.Cryptography.X509Certificates;
using Parley.Server.Hosting;
using Parley.Server.Tls;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Tls;

/// <summary>Where the server's certificate comes from: the development certificate, PEM, PKCS#12, and reload from disk.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Dev_certificate_without_configuration_is_created_in_the_data_directory_with_an_owner_only_key()
    {
        var data = Path.Combine(_directory, "data");
        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?> { ["Parley:DataDirectory"] = data });
        await using var client = await server.ConnectTlsAsync();

        var certificatePath = Path.Combine(data, "tls", DevelopmentCertificate.CertificateFileName);
        var keyPath = Path.Combine(data, "tls", DevelopmentCertificate.KeyFileName);
        using var onDisk = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
        Assert.Equal(TestCertificates.Fingerprint(onDisk), client.ServerCertificateFingerprint);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        var names = onDisk.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(System.Net.IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains(System.Net.IPAddress.IPv6Loopback, names.EnumerateIPAddresses());
    }

    [Fact]
    public async Task Dev_certificate_is_reused_after_a_restart_on_the_same_data_directory()
    {
        var settings = new Dictionary<string, string?> { ["Parley:DataDirectory"] = Path.Combine(_directory, "data") };
        string? first;
        await using (var server = await ParleyTestServer.StartWithTlsAsync(settings))
        await using (var client = await server.ConnectTlsAsync())
            first = client.ServerCertificateFingerprint;

        await using var restarted = await ParleyTestServer.StartWithTlsAsync(settings);
        await using var again = await restarted.ConnectTlsAsync();

        Assert.NotNull(first);
        Assert.Equal(first, again.ServerCertificateFingerprint);
    }

    [Fact]
    public async Task Dev_certificate_is_renewed_when_the_configured_host_names_are_not_covered_and_kept_when_they_are()
    {
        var data = Path.Combine(_directory, "data");
        var settings = new Dictionary<string, string?> { ["Parley:DataDirectory"] = data };
        string? first;
        await using (var server = await ParleyTestServer.StartWithTlsAsync(settings))
        await using (var client = await server.ConnectTlsAsync())
            first = client.ServerCertificateFingerprint;

        settings["Parley:Tls:HostNames:0"] = "10.9.8.7";
        settings["Parley:Tls:HostNames:1"] = "chat.example.org";
        string? renewed;
        await using (var server = await ParleyTestServer.StartWithTlsAsync(settings))
        await using (var client = await server.ConnectTlsAsync())
            renewed = client.ServerCertificateFingerprint;
        await using (var server = await ParleyTestServer.StartWithTlsAsync(settings))
        await using (var client = await server.ConnectTlsAsync())
            Assert.Equal(renewed, client.ServerCertificateFingerprint);

        Assert.NotEqual(first, renewed);
        using var onDisk = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(data, "tls", DevelopmentCertificate.CertificateFileName)));
        Assert.True(onDisk.MatchesHostname("10.9.8.7"));
        Assert.True(onDisk.MatchesHostname("chat.example.org"));
    }

    [Fact]
    public void Dev_certificate_names_include_the_configured_host_and_extra_names_but_not_wildcards()
    {
        var names = DevelopmentCertificate.NamesFor("chat.example.org", ["10.1.2.3", "localhost"]);
        var wildcard = DevelopmentCertificate.NamesFor("0.0.0.0", []);

        Assert.Contains("chat.example.org", names);
        Assert.Contains("10.1.2.3", names);
        Assert.Single(names, n => n == "localhost");
        Assert.DoesNotContain("0.0.0.0", wildcard);
    }

    [Fact]
    public async Task Pem_certificate_and_key_configured_are_served()
    {
        using var certificate = TestCertificates.ForLocalhost();
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "server");

        await using var server = await StartWithCertificateAsync(certificatePath, keyPath);
        await using var client = await server.ConnectTlsAsync();

        Assert.Equal(TestCertificates.Fingerprint(certificate), client.ServerCertificateFingerprint);
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "tls", DevelopmentCertificate.CertificateFileName)));
    }

    [Fact]
    public async Task Pkcs12_certificate_with_a_password_is_served()
    {
        using var certificate = TestCertificates.ForLocalhost();
        var path = Path.Combine(_directory, "server.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "secret"));

        await using var server = await ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:CertificatePath"] = path,
            ["Parley:Tls:CertificatePassword"] = "secret",
        });
        await using var client = await server.ConnectTlsAsync();

        Assert.Equal(TestCertificates.Fingerprint(certificate), client.ServerCertificateFingerprint);
    }

    [Fact]
    public async Task Certificate_file_replaced_on_disk_serves_new_connections_without_a_restart()
    {
        using var first = TestCertificates.ForLocalhost();
        using var second = TestCertificates.ForLocalhost();
        var (certificatePath, keyPath) = TestCertificates.WritePem(first, _directory, "server");
        await using var server = await StartWithCertificateAsync(certificatePath, keyPath);
        await using var before = await server.ConnectTlsAsync();
        await before.RegisterAsync("alice");

        // Replace as certbot does: new files renamed over the old ones.
        var (newCertificate, newKey) = TestCertificates.WritePem(second, _directory, "renewed");
        File.Move(newKey, keyPath, overwrite: true);
        File.Move(newCertificate, certificatePath, overwrite: true);
        await using var after = await server.ConnectTlsAsync();

        Assert.Equal(TestCertificates.Fingerprint(first), before.ServerCertificateFingerprint);
        Assert.Equal(TestCertificates.Fingerprint(second), after.ServerCertificateFingerprint);
        Assert.Empty(await before.DrainAsync()); // The old connection carries on.
    }

    [Fact]
    public async Task Certificate_file_replaced_by_garbage_keeps_the_previous_certificate_in_service()
    {
        using var certificate = TestCertificates.ForLocalhost();
        var (certificatePath, keyPath) = TestCertificates.WritePem(certificate, _directory, "server");
        await using var server = await StartWithCertificateAsync(certificatePath, keyPath);

        await File.WriteAllTextAsync(certificatePath, "-----BEGIN CERTIFICATE-----\nhalf writ");
        await using var client = await server.ConnectTlsAsync();

        Assert.Equal(TestCertificates.Fingerprint(certificate), client.ServerCertificateFingerprint);
    }

    [Fact]
    public void Configured_certificate_that_does_not_exist_is_refused_at_start()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build(
        [
            new("Parley:Tls:CertificatePath", Path.Combine(_directory, "missing.pem")),
            new("Parley:Tls:KeyPath", Path.Combine(_directory, "missing.key")),
            new("Parley:Port", "-1"),
            new("Parley:Tls:Port", "-1"),
        ]));

        Assert.Contains("missing.pem", error.Message, StringComparison.Ordinal);
    }

    private static Task<ParleyTestServer> StartWithCertificateAsync(string certificatePath, string keyPath) =>
        ParleyTestServer.StartWithTlsAsync(new Dictionary<string, string?>
        {
            ["Parley:Tls:CertificatePath"] = certificatePath,
            ["Parley:Tls:KeyPath"] = keyPath,
        });
}
