using System.Text.RegularExpressions;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// The web client's build output committed in src/Parley.Server/wwwroot is the build of the
/// committed sources in web/ (checked without npm, by the hash of the inputs), and it keeps to
/// the server's CSP (script-src 'self'; style-src 'self').
/// </summary>
public sealed partial class WebBuildTests
{
    private const string Rebuild = "run `npm ci && npm run build` in web/ and commit src/Parley.Server/wwwroot";

    private static string Web => Path.Combine(RepositoryRoot.Find(), "web");
    private static string WwwRoot => Path.Combine(RepositoryRoot.Find(), "src", "Parley.Server", "wwwroot");

    [Fact]
    public void Committed_build_output_is_up_to_date_with_the_web_sources()
    {
        var recorded = Path.Combine(WwwRoot, "build-inputs.sha256");
        Assert.True(File.Exists(recorded), $"{recorded} is missing: {Rebuild}");

        var expected = File.ReadAllText(recorded).Trim();
        var actual = WebBuildInputs.Hash(Web);

        Assert.True(expected == actual, $"wwwroot was built from other sources (recorded {expected}, sources {actual}): {Rebuild}");
    }

    [Fact]
    public void Input_hash_changes_when_a_source_file_changes()
    {
        var copy = Directory.CreateTempSubdirectory("parley-web-hash-");
        try
        {
            CopyInputs(Web, copy.FullName);
            var before = WebBuildInputs.Hash(copy.FullName);
            File.AppendAllText(Path.Combine(copy.FullName, "src", "main.ts"), "\n// changed\n");
            var after = WebBuildInputs.Hash(copy.FullName);

            Assert.Equal(before, WebBuildInputs.Hash(Web));
            Assert.NotEqual(before, after);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void Index_html_loads_only_files_of_the_build_and_has_no_inline_script_or_style()
    {
        var index = File.ReadAllText(Path.Combine(WwwRoot, "index.html"));

        Assert.DoesNotMatch(InlineScript(), index);
        Assert.DoesNotContain("<style", index, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(StyleAttribute(), index);
        var references = AssetReference().Matches(index).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(references, r => r.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(references, r => r.EndsWith(".css", StringComparison.Ordinal));
        Assert.All(references, r => Assert.True(File.Exists(Path.Combine(WwwRoot, r.TrimStart('/'))), $"{r} is not in wwwroot: {Rebuild}"));
    }

    private static void CopyInputs(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("node_modules", StringComparison.Ordinal))
                continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"(?:src|href)=""(/[^""]+)""")]
    private static partial Regex AssetReference();
}
