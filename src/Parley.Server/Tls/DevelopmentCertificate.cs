using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Parley.Server.Tls;

/// <summary>
/// The self-signed certificate a server without a configured one uses: created on first start in
/// <c>&lt;data&gt;/tls/</c> (key file mode 0600), reused after restarts so clients that pinned its
/// fingerprint (trust on first use) keep trusting it, and replaced only once it has expired.
/// </summary>
internal static class DevelopmentCertificate
{
    public const string CertificateFileName = "dev-cert.pem";
    public const string KeyFileName = "dev-key.pem";

    // Long-lived on purpose: clients pin it, and every renewal makes them refuse it as "changed".
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(5 * 365);

    /// <summary>Returns the PEM certificate and key paths, creating the pair when missing or expired.</summary>
    public static (string CertificatePath, string KeyPath) Ensure(
        string dataDirectory, string host, IReadOnlyList<string> extraNames, TimeProvider time, ILogger logger)
    {
        var directory = Path.Combine(Path.GetFullPath(dataDirectory), "tls");
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            using var existing = X509Certificate2.CreateFromPem(File.ReadAllText(certificatePath));
            var missing = NamesFor(host, extraNames).Skip(3) // loopback is always covered
                .Where(n => n != Dns.GetHostName() && !existing.MatchesHostname(n, allowWildcards: false, allowCommonName: false))
                .ToList();
            if (existing.NotAfter.ToUniversalTime() <= time.GetUtcNow().UtcDateTime)
            {
                TlsLog.DevelopmentCertificateExpired(logger, certificatePath, existing.NotAfter.ToUniversalTime());
            }
            else if (missing.Count > 0)
            {
                // A name the operator configured (an address to reach it by, --host) that the kept
                // certificate lacks would fail every client's name check: renew it, loudly.
                TlsLog.DevelopmentCertificateNamesChanged(logger, certificatePath, string.Join(", ", missing), string.Join(", ", NamesFor(host, extraNames)));
            }
            else
            {
                WarnIfKeyIsOpen(keyPath, logger);
                return (certificatePath, keyPath);
            }
        }

        var names = NamesFor(host, extraNames);
        CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = Create(key, names, time.GetUtcNow());
        WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        TlsLog.DevelopmentCertificateCreated(logger, string.Join(", ", names), directory);
        return (certificatePath, keyPath);
    }

    /// <summary>
    /// The names the certificate is valid for: loopback in all spellings, the machine's name, the
    /// configured listen host unless it is a wildcard, and the operator's extras.
    /// </summary>
    internal static List<string> NamesFor(string host, IReadOnlyList<string> extraNames)
    {
        var names = new List<string> { "localhost", "127.0.0.1", "::1" };
        void Add(string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
                return;
            name = name.Trim();
            if (IPAddress.TryParse(name, out var address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
                return;
            if (!names.Contains(name, StringComparer.OrdinalIgnoreCase))
                names.Add(name);
        }

        Add(Dns.GetHostName());
        Add(host);
        foreach (var extra in extraNames)
            Add(extra);
        return names;
    }

    private static X509Certificate2 Create(ECDsa key, List<string> names, DateTimeOffset now)
    {
        var request = new CertificateRequest("CN=Parley development certificate", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
                san.AddIpAddress(address);
            else
                san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Back-dated a day so a client whose clock runs a little behind still accepts it.
        return request.CreateSelfSigned(now.AddDays(-1), now.Add(Lifetime));
    }

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes <paramref name="text"/> to a file only the owner can read, from its creation on.</summary>
    private static void WritePrivate(string path, string text)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(text + "\n");

        // The umask cannot widen UnixCreateMode, but set it explicitly anyway: the contract is 0600.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static void WarnIfKeyIsOpen(string keyPath, ILogger logger)
    {
        if (OperatingSystem.IsWindows())
            return;
        var mode = File.GetUnixFileMode(keyPath);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((mode & others) != 0)
            TlsLog.KeyFileTooOpen(logger, keyPath, Convert.ToString((int)mode, 8));
    }
}
