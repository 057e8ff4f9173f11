using System.Text.RegularExpressions;
using Parley.Server.Hosting;
using Parley.Server.Tls;

namespace Parley.Server.IntegrationTests;

/// <summary>Commands the README and docs give work as written, from the repository root.</summary>
public sealed partial class ReadmeCommandTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/tls.md")]
    public void Dev_certificate_fingerprint_command_names_the_file_where_dotnet_run_puts_it(string document)
    {
        // `dotnet run --project src/Parley.Server` runs in src/Parley.Server, so the default data
        // directory is there, not at the repository root.
        var expected = string.Join('/', "src/Parley.Server", new ParleyOptions().DataDirectory, "tls", DevelopmentCertificate.CertificateFileName);
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), document));

        var paths = DevCertificatePath().Matches(text).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.Equal(expected, p));
    }

    [GeneratedRegex(@"openssl x509 -in (\S*dev-cert\.pem)")]
    private static partial Regex DevCertificatePath();
}
