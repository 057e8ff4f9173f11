using System.Diagnostics;
using System.Globalization;

namespace Parley.TestKit;

/// <summary>
/// A program running in a detached tmux session on a private tmux server, to drive real terminal
/// clients (irssi) from tests: type with <see cref="SendKeysAsync"/>, read the screen with
/// <see cref="WaitForScreenAsync"/>. Disposing kills the tmux server and everything in it.
/// </summary>
public sealed class TmuxSession : IAsyncDisposable
{
    private readonly string _socket;

    private TmuxSession(string socket) => _socket = socket;

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> in a 200x50 window.</summary>
    /// <exception cref="InvalidOperationException">tmux or <paramref name="program"/> is not installed (the message says how to get it).</exception>
    public static async Task<TmuxSession> StartAsync(string program, params string[] arguments)
    {
        TestPrerequisites.Require("tmux");
        TestPrerequisites.Require(program);
        var session = new TmuxSession("parley-test-" + Guid.NewGuid().ToString("N")[..12]);
        await session.RunAsync(["new-session", "-d", "-s", "main", "-x", "200", "-y", "50", program, .. arguments]);
        return session;
    }

    /// <summary>Types <paramref name="text"/> and presses Enter.</summary>
    public async Task SendLineAsync(string text)
    {
        await RunAsync(["send-keys", "-t", "main", "-l", text]);
        await RunAsync(["send-keys", "-t", "main", "Enter"]);
    }

    /// <summary>Types keys as tmux names them (e.g. <c>Enter</c>).</summary>
    public Task SendKeysAsync(params string[] keys) => RunAsync(["send-keys", "-t", "main", .. keys]);

    /// <summary>A tmux format about the window, e.g. <c>#{cursor_x}</c> (the cursor's column, from 0).</summary>
    public Task<string> DisplayAsync(string format) => RunAsync(["display-message", "-p", "-t", "main", format]);

    /// <summary>The visible screen as text.</summary>
    public Task<string> CaptureAsync() => RunAsync(["capture-pane", "-p", "-t", "main"]);

    /// <summary>
    /// Polls the screen every 100 ms until it contains <paramref name="text"/>; a bounded poll, as
    /// a terminal gives no signal to await. Fails with the last screen after <paramref name="timeout"/>.
    /// </summary>
    public async Task<string> WaitForScreenAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? IrcTestClient.DefaultTimeout);
        var screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = await CaptureAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
                return screen;
            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' never appeared; the screen was:\n{screen}");
    }

    private async Task<string> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(IrcTestClient.DefaultTimeout);
        var errorText = await error;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"tmux {string.Join(' ', arguments)} exited {process.ExitCode}: {errorText}"));
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone (the program exited and took the session with it).
        }
    }
}
