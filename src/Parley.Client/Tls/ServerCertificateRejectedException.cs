namespace Parley.Client;

/// <summary>The client refused the server's TLS certificate; the connection was not made.</summary>
public sealed class ServerCertificateRejectedException : ParleyConnectionException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ServerCertificateRejectedException()
        : base("The server's certificate was refused.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ServerCertificateRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ServerCertificateRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused certificate.</summary>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="server">The server as <c>host:port</c>.</param>
    /// <param name="fingerprint">The presented certificate's fingerprint, when there was one.</param>
    /// <param name="expectedFingerprint">The fingerprint that was expected (known or given), when there was one.</param>
    /// <param name="message">The explanation for the user.</param>
    public ServerCertificateRejectedException(
        CertificateRejection reason, string server, string? fingerprint, string? expectedFingerprint, string message)
        : base(message)
    {
        Reason = reason;
        Server = server;
        Fingerprint = fingerprint;
        ExpectedFingerprint = expectedFingerprint;
    }

    /// <summary>Why the certificate was refused.</summary>
    public CertificateRejection Reason { get; }

    /// <summary>The server as <c>host:port</c>.</summary>
    public string Server { get; } = "";

    /// <summary>The fingerprint of the certificate the server presented, or <see langword="null"/> when it presented none.</summary>
    public string? Fingerprint { get; }

    /// <summary>
    /// For <see cref="CertificateRejection.Changed"/> the fingerprint in <c>known_hosts</c>, for
    /// <see cref="CertificateRejection.FingerprintMismatch"/> the one given; otherwise <see langword="null"/>.
    /// </summary>
    public string? ExpectedFingerprint { get; }
}
