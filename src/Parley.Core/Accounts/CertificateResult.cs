using Parley.Core.Presence;

namespace Parley.Core.Accounts;

/// <summary>The outcome of adding or removing a client certificate.</summary>
/// <param name="Error"><see cref="ChatError.None"/> or why it was refused.</param>
/// <param name="Fingerprint">The fingerprint concerned in canonical form, once known.</param>
public readonly record struct CertificateResult(ChatError Error, string? Fingerprint = null);
