using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.TestKit;

/// <summary>
/// The built server (<c>parley-server.dll</c> from src/Parley.Server's output) run as a child
/// process on port 0 with a given data directory, for tests that must kill it outright.
/// </summary>
public sealed partial class ParleyServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];
    private readonly List<(string Text, TaskCompletionSource Found)> _logWaiters = [];
    private readonly Dictionary<string, int> _ports = new(StringComparer.Ordinal);
    private int _listenersWanted = 1;

    private ParleyServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The line protocol's port, read from the server's log.</summary>
    public int Port { get; private set; }

    /// <summary>Starts the server on <paramref name="dataDirectory"/> and waits until it listens.</summary>
    /// <exception cref="TimeoutException">It did not log its port within 60 s.</exception>
    public static Task<ParleyServerProcess> StartAsync(string dataDirectory) => StartAsync(dataDirectory, null, null);

    /// <summary>
    /// Starts the server with extra settings as environment variables (<c>Parley__Limits__MaxConnections</c>)
    /// and, with <paramref name="descriptorLimit"/>, under <c>prlimit --nofile</c> (soft and hard limit).
    /// </summary>
    /// <exception cref="TimeoutException">It did not log its port within 60 s.</exception>
    public static Task<ParleyServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment, int? descriptorLimit) =>
        StartAsync(dataDirectory, environment, descriptorLimit, hangUpIgnored: false);

    /// <summary>
    /// As <see cref="StartAsync(string, IReadOnlyDictionary{string, string}?, int?)"/>. The child's SIGHUP
    /// is reset to its default action (<c>env --default-signal=HUP</c>): a test runner started by an
    /// MSBuild node inherits SIGHUP ignored, and an ignored signal survives exec, so the server would
    /// never see a SIGHUP (fresh-clone CI, where <c>dotnet test</c> builds first). With
    /// <paramref name="hangUpIgnored"/> the child starts with SIGHUP ignored instead, as under nohup.
    /// </summary>
    /// <exception cref="TimeoutException">It did not log its port within 60 s.</exception>
    public static Task<ParleyServerProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string>? environment, int? descriptorLimit, bool hangUpIgnored) =>
        StartAsync(dataDirectory, environment, descriptorLimit, hangUpIgnored, []);

    /// <summary>
    /// As <see cref="StartAsync(string, IReadOnlyDictionary{string, string}?, int?, bool)"/>, with the
    /// listeners named by <paramref name="freePortOptions"/> (such as <c>--irc-port</c>, <c>--http-port</c>)
    /// on free ports too; <see cref="PortOf"/> reads them. Returns once every one of them listens.
    /// </summary>
    /// <exception cref="TimeoutException">It did not log its ports within 60 s.</exception>
    public static async Task<ParleyServerProcess> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? environment, int? descriptorLimit, bool hangUpIgnored, IReadOnlyCollection<string> freePortOptions)
    {
        var start = new ProcessStartInfo(hangUpIgnored ? "sh" : "env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        // env, sh and prlimit exec the command: the process (and its PID) is the server's.
        if (hangUpIgnored)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("trap '' HUP; exec \"$@\"");
            start.ArgumentList.Add("sh");
        }
        else
            start.ArgumentList.Add("--default-signal=HUP");
        if (descriptorLimit is { } limit)
        {
            start.ArgumentList.Add("prlimit");
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--nofile={limit}"));
        }
        start.ArgumentList.Add("dotnet");

        start.ArgumentList.Add(ServerDll());
        foreach (var argument in Arguments(dataDirectory, freePortOptions))
            start.ArgumentList.Add(argument);
        // Fast hashing for tests, as ParleyTestServer does; plain console lines to parse; tests
        // send bursts no person would, so no flood control.
        start.Environment["Parley__Accounts__PasswordHashIterations"] = "10000";
        start.Environment["Parley__Accounts__MaxRegistrationsPerAddress"] = "100000";
        start.Environment["Parley__Accounts__MaxRegistrations"] = "100000";
        start.Environment["Parley__Limits__Flood__MessagesPerSecond"] = "0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var server = new ParleyServerProcess(process, 0) { _listenersWanted = 1 + freePortOptions.Count };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync().ContinueWith(
            _ => listening.TrySetException(new InvalidOperationException($"the server exited: {server.Log}")), TaskScheduler.Default);

        try
        {
            server.Port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            server.Kill();
            throw new TimeoutException($"the server logged no port within 60 s: {server.Log}");
        }

        return server;
    }

    /// <summary>
    /// The server's command line for a child process: the plain line listener on a free port
    /// (<c>-1</c>) and every other listener off (<c>0</c>), whatever its default, so a child never
    /// binds a fixed port (the README's server, another test run or an ircd may hold 55555, 6667...).
    /// Every <c>--*-port</c> option the server's command line has is covered, new listeners included.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string dataDirectory) => Arguments(dataDirectory, []);

    /// <summary>As <see cref="Arguments(string)"/>, with the listeners of <paramref name="freePortOptions"/> on free ports too.</summary>
    public static IReadOnlyList<string> Arguments(string dataDirectory, IReadOnlyCollection<string> freePortOptions)
    {
        var arguments = new List<string> { "--port", "-1" };
        var root = Parley.Server.Hosting.ServerCommandLine.Create((_, _) => Task.FromResult(0));
        foreach (var option in root.Options)
        {
            if (option.Name != "--port" && option.Name.EndsWith("-port", StringComparison.Ordinal))
                arguments.AddRange([option.Name, freePortOptions.Contains(option.Name) ? "-1" : "0"]);
        }
        arguments.AddRange(["--data", dataDirectory]);
        return arguments;
    }

    /// <summary>What the server wrote so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
                return string.Join(Environment.NewLine, _log);
        }
    }

    /// <summary>
    /// The port a listener logged (<c>Parley irc protocol listening on 127.0.0.1:N</c>) by its protocol
    /// name (<c>line</c>, <c>irc</c>, <c>http</c>...).
    /// </summary>
    /// <exception cref="KeyNotFoundException">That listener is off.</exception>
    public int PortOf(string protocol)
    {
        lock (_log)
            return _ports[protocol];
    }

    /// <summary>The process id, e.g. to read its <c>/proc</c> entries.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Waits until the server has logged a line containing <paramref name="text"/> (one already logged counts).</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/> (default 30 s).</exception>
    public async Task WaitForLogAsync(string text, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_log)
        {
            if (_log.Any(l => l.Contains(text, StringComparison.Ordinal)))
                return;
            _logWaiters.Add((text, found));
        }

        try
        {
            await found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the server did not log '{text}': {Log}");
        }
    }

    /// <summary>Sends the process a signal with <c>kill -s</c> (e.g. <c>HUP</c>, as <c>systemctl reload</c> does).</summary>
    /// <exception cref="InvalidOperationException">kill failed.</exception>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, ProcessId.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -s {signal} {ProcessId} exited {kill.ExitCode}");
    }

    /// <summary>Kills the process and its children at once, as kill -9 would, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void OnLine(string? line, TaskCompletionSource<int> listening)
    {
        if (line is null)
            return;
        lock (_log)
        {
            _log.Add(line);
            for (var i = _logWaiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_logWaiters[i].Text, StringComparison.Ordinal))
                {
                    _logWaiters[i].Found.TrySetResult();
                    _logWaiters.RemoveAt(i);
                }
            }
        }

        var match = ListeningLine().Match(line);
        if (!match.Success)
            return;
        int ready;
        lock (_log)
        {
            _ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            ready = _ports.Count >= _listenersWanted && _ports.TryGetValue("line", out var port) ? port : 0;
        }

        if (ready != 0)
            listening.TrySetResult(ready);
    }

    // src/Parley.Server/bin/<Configuration>/net10.0/parley-server.dll: its own deps.json finds the
    // native SQLite library, which the copy beside the test assembly would not.
    internal static string ServerDll()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Parley.slnx")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("Parley.slnx not found above the test binaries");
        var dll = Path.Combine(root.FullName, "src", "Parley.Server", "bin", configuration, framework, "parley-server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build src/Parley.Server first", dll);
    }

    [GeneratedRegex(@"Parley ([a-z-]+) protocol listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
