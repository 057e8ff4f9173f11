using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Parley.Server.Web;

/// <summary>
/// The web client's files: <c>wwwroot/</c> beside the server's binary (the build output, the test
/// output and the published folder all have it), served by ASP.NET Core's static files with
/// <c>/</c> answered by <c>index.html</c>. Vite's hashed <c>/assets/*</c> are cached for a year as
/// immutable (a new build has new names); everything else (<c>index.html</c>) is revalidated on
/// every use (<c>no-cache</c>), so a new build reaches a browser at its next load.
/// </summary>
internal static class WebStaticFiles
{
    /// <summary>The folder's name beside the binary.</summary>
    public const string Folder = "wwwroot";

    /// <summary>The Cache-Control of a hashed asset.</summary>
    public const string ImmutableCache = "public, max-age=31536000, immutable";

    /// <summary>The Cache-Control of everything else.</summary>
    public const string NoCache = "no-cache";

    private static readonly StringValues Immutable = ImmutableCache;
    private static readonly StringValues Revalidate = NoCache;

    /// <summary>Adds default files and static files over <see cref="Root"/>, when it exists.</summary>
    public static void Use(WebApplication app)
    {
        var root = Root;
        if (!Directory.Exists(root))
            return;
        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = static file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) ? Immutable : Revalidate,
        });
    }

    /// <summary>Where the files are: <c>wwwroot</c> in <see cref="AppContext.BaseDirectory"/>.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, Folder);
}
