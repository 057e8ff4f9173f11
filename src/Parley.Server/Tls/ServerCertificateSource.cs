using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Parley.Server.Hosting;

namespace Parley.Server.Tls;

/// <summary>
/// The server certificate for TLS handshakes: the configured PEM or PKCS#12 files, or the
/// development certificate. A replaced file is picked up by the next handshake after
/// <see cref="TlsOptions.ReloadCheckInterval"/>, without a restart; a file that cannot be loaded
/// (half written, wrong key) keeps the previous certificate in service and is retried.
/// </summary>
/// <remarks>Thread-safe: handshakes call <see cref="GetContext"/> concurrently.</remarks>
internal sealed class ServerCertificateSource
{
    private readonly TlsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _certificatePath;
    private readonly string? _keyPath;
    private readonly string _description;
    private readonly Lock _reloadLock = new();
    private volatile LoadedCertificate _current;
    private long _nextCheckTicks;

    /// <summary>Loads (or first creates) the certificate.</summary>
    /// <exception cref="ArgumentException">The configured files are missing or do not hold a certificate with its key.</exception>
    public ServerCertificateSource(ParleyOptions options, TimeProvider time, ILogger<ServerCertificateSource> logger)
    {
        _options = options.Tls;
        _time = time;
        _logger = logger;
        if (_options.CertificatePath is { } configured)
        {
            _certificatePath = Path.GetFullPath(configured);
            _keyPath = _options.KeyPath is { } key ? Path.GetFullPath(key) : null;
            _description = _certificatePath;
        }
        else
        {
            (_certificatePath, _keyPath) = DevelopmentCertificate.Ensure(options.DataDirectory, options.Host, _options.HostNames, time, logger);
            _description = "development certificate " + _certificatePath;
        }

        try
        {
            _current = Load(ReadStamp());
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"Parley:Tls: cannot load the certificate {_certificatePath}: {e.Message}", nameof(options), e);
        }

        Log(_current);
        _nextCheckTicks = (time.GetUtcNow() + _options.ReloadCheckInterval).UtcTicks;
    }

    /// <summary>The certificate in service now (without checking the files).</summary>
    public LoadedCertificate Current => _current;

    /// <summary>The certificate context for a new handshake, reloading it first when its files changed.</summary>
    public SslStreamCertificateContext GetContext()
    {
        var now = _time.GetUtcNow();
        if (now.UtcTicks >= Volatile.Read(ref _nextCheckTicks))
        {
            lock (_reloadLock)
            {
                if (now.UtcTicks >= _nextCheckTicks)
                {
                    CheckForChange();
                    Volatile.Write(ref _nextCheckTicks, (now + _options.ReloadCheckInterval).UtcTicks);
                }
            }
        }

        return _current.Context;
    }

    private void CheckForChange()
    {
        try
        {
            var stamp = ReadStamp();
            if (stamp.AsSpan().SequenceEqual(_current.Stamp))
                return;
            var loaded = Load(stamp);
            _current = loaded;
            Log(loaded);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
        {
            TlsLog.ReloadFailed(_logger, e);
        }
    }

    private LoadedCertificate Load(byte[] stamp)
    {
        var (leaf, intermediates) = IsPkcs12() ? LoadPkcs12() : LoadPem();
        if (!leaf.HasPrivateKey)
            throw new CryptographicException("the certificate has no private key");
        // offline: never fetch intermediates or revocation data from the network during start-up.
        var context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        return new LoadedCertificate(leaf, context, CertificateFingerprint.Sha256(leaf), stamp);
    }

    private bool IsPkcs12() =>
        _keyPath is null
        && (_certificatePath.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase)
            || _certificatePath.EndsWith(".p12", StringComparison.OrdinalIgnoreCase));

    private (X509Certificate2 Leaf, X509Certificate2Collection Intermediates) LoadPkcs12()
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(_certificatePath, _options.CertificatePassword);
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new CryptographicException("the PKCS#12 file holds no certificate with a private key");
        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in all)
        {
            if (!ReferenceEquals(certificate, leaf))
                intermediates.Add(certificate);
        }

        return (leaf, intermediates);
    }

    private (X509Certificate2 Leaf, X509Certificate2Collection Intermediates) LoadPem()
    {
        using var pem = _options.CertificatePassword is { } password
            ? X509Certificate2.CreateFromEncryptedPemFile(_certificatePath, password, _keyPath)
            : X509Certificate2.CreateFromPemFile(_certificatePath, _keyPath);

        // A key imported from PEM is ephemeral; round-trip through PKCS#12 so SslStream can use it
        // on every platform (Windows' SChannel refuses ephemeral keys, OpenSSL does not mind).
        var leaf = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);

        // Everything after the first certificate in the file is its chain (fullchain.pem).
        var all = new X509Certificate2Collection();
        all.ImportFromPemFile(_certificatePath);
        var intermediates = new X509Certificate2Collection();
        for (var i = 1; i < all.Count; i++)
            intermediates.Add(all[i]);
        return (leaf, intermediates);
    }

    private byte[] ReadStamp()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(File.ReadAllBytes(_certificatePath));
        if (_keyPath is not null)
            hash.AppendData(File.ReadAllBytes(_keyPath));
        return hash.GetHashAndReset();
    }

    private void Log(LoadedCertificate loaded)
    {
        var notAfter = loaded.Leaf.NotAfter.ToUniversalTime();
        TlsLog.CertificateLoaded(_logger, loaded.Leaf.Subject, _description, notAfter, loaded.Fingerprint);
        if (notAfter <= _time.GetUtcNow().UtcDateTime)
            TlsLog.CertificateExpired(_logger, loaded.Leaf.Subject, notAfter);
    }
}
