using Microsoft.Extensions.Logging;

namespace Parley.Server.Tls;

/// <summary>Log messages of TLS: certificates and handshakes. Event ids are stable: 300-399.</summary>
internal static partial class TlsLog
{
    [LoggerMessage(300, LogLevel.Information, "TLS certificate {Subject} ({Source}), valid until {NotAfter:u}, fingerprint {Fingerprint}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string source, DateTime notAfter, string fingerprint);

    [LoggerMessage(301, LogLevel.Information, "Created a self-signed development certificate for {Names} in {Path}")]
    public static partial void DevelopmentCertificateCreated(ILogger logger, string names, string path);

    [LoggerMessage(302, LogLevel.Warning, "The TLS certificate files changed but cannot be loaded; still serving the previous certificate")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(303, LogLevel.Warning, "The development certificate in {Path} expired on {NotAfter:u}; creating a new one (clients that pinned the old one will refuse it)")]
    public static partial void DevelopmentCertificateExpired(ILogger logger, string path, DateTime notAfter);

    [LoggerMessage(306, LogLevel.Warning, "The development certificate in {Path} does not cover {Missing} (Parley:Tls:HostNames or --host); creating a new one for {Names}. Its fingerprint changes: clients that pinned the old one must pin the new one")]
    public static partial void DevelopmentCertificateNamesChanged(ILogger logger, string path, string missing, string names);

    [LoggerMessage(304, LogLevel.Warning, "The TLS private key {Path} is readable by other users (mode {Mode}); chmod 600 it")]
    public static partial void KeyFileTooOpen(ILogger logger, string path, string mode);

    [LoggerMessage(305, LogLevel.Warning, "The TLS certificate {Subject} expired on {NotAfter:u}; clients will refuse it")]
    public static partial void CertificateExpired(ILogger logger, string subject, DateTime notAfter);
}
