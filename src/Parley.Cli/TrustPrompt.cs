using Parley.Client;

namespace Parley.Cli;

/// <summary>Interactive mode's question on first contact with a self-signed server, as ssh asks.</summary>
internal static class TrustPrompt
{
    /// <summary>Shows the certificate and asks; only <c>y</c> or <c>yes</c> trusts it.</summary>
    public static bool Confirm(ChatIo io, ServerCertificateInfo certificate, string knownHostsPath)
    {
        io.Output.WriteLine($"The server {certificate.Server} presents a certificate no authority vouches for (self-signed).");
        io.Output.WriteLine($"  subject:     {certificate.Subject}");
        io.Output.WriteLine($"  expires:     {certificate.NotAfter:u}");
        io.Output.WriteLine($"  fingerprint: {certificate.Fingerprint}");
        io.Output.WriteLine("Compare the fingerprint with the one the server logs at start-up.");
        io.Output.Write($"Trust it and remember it in {knownHostsPath}? [y/N] ");
        io.Output.Flush();
        var answer = io.Input.ReadLine()?.Trim();
        return string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase)
            || string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
    }
}
