namespace Parley.Client;

/// <summary>The certificate a server presented, as shown to a user asked to trust it on first contact.</summary>
/// <param name="Server">The server as <c>host:port</c>.</param>
/// <param name="Fingerprint">The certificate's fingerprint (<see cref="CertificateFingerprint"/>).</param>
/// <param name="Subject">The certificate's subject, e.g. <c>CN=Parley development certificate</c>.</param>
/// <param name="NotAfter">When it expires, UTC.</param>
public sealed record ServerCertificateInfo(string Server, string Fingerprint, string Subject, DateTime NotAfter);
