using System.Diagnostics;

namespace Parley.TestKit;

/// <summary>
/// One run of the built server (<c>parley-server.dll</c>) as a child process to its exit, for
/// commands and start-ups that end by themselves (<c>--check-config</c>, a refused setting).
/// </summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">What it wrote to standard output.</param>
/// <param name="Error">What it wrote to standard error.</param>
public sealed record ParleyServerRun(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty lines of standard error.</summary>
    public IReadOnlyList<string> ErrorLines => [.. Error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    /// <summary>Runs the server with <paramref name="arguments"/> in <paramref name="workingDirectory"/> until it exits.</summary>
    /// <param name="arguments">Command-line arguments; a test that lets the server start must turn every fixed port off or to -1.</param>
    /// <param name="workingDirectory">The working directory (the default data directory is <c>data</c> under it).</param>
    /// <param name="environment">Extra environment variables, e.g. <c>Parley__Limits__MaxOutboundBytes</c>.</param>
    /// <param name="executable">A published server's <c>parley-server</c> to run instead of the built <c>parley-server.dll</c>.</param>
    /// <exception cref="TimeoutException">It did not exit within 60 s (it is killed).</exception>
    public static async Task<ParleyServerRun> RunAsync(
        IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, string? executable = null)
    {
        var start = new ProcessStartInfo(executable ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        if (executable is null)
            start.ArgumentList.Add(ParleyServerProcess.ServerDll());
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the server did not exit within 60 s: {await output} {await error}");
        }

        return new ParleyServerRun(process.ExitCode, await output, await error);
    }
}
