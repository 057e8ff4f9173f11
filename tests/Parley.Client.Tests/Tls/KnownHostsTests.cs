namespace Parley.Client.Tests.Tls;

public sealed class KnownHostsTests : IDisposable
{
    private const string Fingerprint = "SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parley-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Find_in_a_missing_file_returns_null()
    {
        Assert.Null(new KnownHosts(Path.Combine(_directory, "known_hosts")).Find("localhost:55556"));
    }

    [Fact]
    public void Add_creates_the_directory_and_Find_returns_the_entry_for_that_server_only()
    {
        var knownHosts = new KnownHosts(Path.Combine(_directory, "nested", "known_hosts"));

        knownHosts.Add("localhost:55556", Fingerprint.ToLowerInvariant());

        Assert.Equal(Fingerprint, knownHosts.Find("LOCALHOST:55556"));
        Assert.Null(knownHosts.Find("localhost:55557"));
        Assert.Equal($"localhost:55556 {Fingerprint}\n", File.ReadAllText(knownHosts.Path));
    }

    [Fact]
    public void Find_skips_comments_blank_and_malformed_lines()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "known_hosts");
        File.WriteAllText(path, $"# pinned by hand\n\nlocalhost:1 not-a-fingerprint\n  localhost:1   {Fingerprint}  \n");

        Assert.Equal(Fingerprint, new KnownHosts(path).Find("localhost:1"));
    }

    [Theory]
    [InlineData("SHA256:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("sha256:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    public void TryNormalize_accepts_the_forms_people_paste(string text)
    {
        Assert.True(CertificateFingerprint.TryNormalize(text, out var fingerprint));
        Assert.Equal(Fingerprint, fingerprint);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SHA256:0011")]
    [InlineData("SHA256:ZZ112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    [InlineData("SHA1:00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF")]
    public void TryNormalize_refuses_what_is_not_a_sha256_fingerprint(string text)
    {
        Assert.False(CertificateFingerprint.TryNormalize(text, out _));
    }
}
