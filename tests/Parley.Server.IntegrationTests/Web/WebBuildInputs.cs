using System.Security.Cryptography;
using System.Text;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>
/// The hash of the web client's build inputs, computed as web/scripts/hash-inputs.mjs does (keep
/// the two in step): SHA-256 over, for each input file in ordinal order of its path relative to
/// web/ (with '/'), "&lt;path&gt;\n&lt;lower-case SHA-256 hex of its bytes, CR LF read as LF&gt;\n".
/// Inputs: index.html, package.json, package-lock.json, tsconfig.json, vite.config.ts and every
/// file under src/, public/ and scripts/.
/// </summary>
internal static class WebBuildInputs
{
    private static readonly string[] Files = ["index.html", "package.json", "package-lock.json", "tsconfig.json", "vite.config.ts"];
    private static readonly string[] Folders = ["src", "public", "scripts"];

    /// <summary>The hash as lower-case hex. Throws <see cref="IOException"/> when a fixed input is missing.</summary>
    public static string Hash(string webDirectory)
    {
        var paths = new List<string>(Files);
        foreach (var folder in Folders)
        {
            var root = Path.Combine(webDirectory, folder);
            if (!Directory.Exists(root))
                continue;
            paths.AddRange(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(webDirectory, p).Replace(Path.DirectorySeparatorChar, '/')));
        }
        paths.Sort(StringComparer.Ordinal);

        var listing = new StringBuilder();
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(Path.Combine(webDirectory, path));
            listing.Append(path).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(WithoutCarriageReturns(bytes)))).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

    // A checkout with CR LF line ends (git autocrlf) hashes as the LF files the build saw.
    private static byte[] WithoutCarriageReturns(byte[] bytes)
    {
        var output = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
                continue;
            output.Add(bytes[i]);
        }
        return [.. output];
    }
}
