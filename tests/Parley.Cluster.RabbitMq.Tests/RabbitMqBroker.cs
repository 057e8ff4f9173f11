using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>
/// A real RabbitMQ broker for one test run: Debian's <c>rabbitmq-server</c> run directly (no
/// service manager), on free loopback ports (AMQP, Erlang distribution, its own epmd), with its
/// data and logs in a temp folder owned by the <c>rabbitmq</c> user. Stopped (and its epmd with
/// it) at the end; <see cref="StopAsync"/> and <see cref="StartAsync"/> restart the same broker.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private const string Server = "/usr/sbin/rabbitmq-server";
    private const string Control = "/usr/sbin/rabbitmqctl";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parley-rabbitmq-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? _process;

    /// <summary>The AMQP port on 127.0.0.1.</summary>
    public int Port { get; } = FreePort();

    private int DistributionPort { get; } = FreePort();

    private int EpmdPort { get; } = FreePort();

    /// <summary>The Erlang node name, unique per run.</summary>
    public string NodeName { get; } = "parley" + Environment.ProcessId + "@localhost";

    /// <summary>The broker's URI for the routers.</summary>
    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Server))
            throw new InvalidOperationException($"{Server} is missing: install Debian's rabbitmq-server (apt-get install -y rabbitmq-server; .ci/run does)");
        Directory.CreateDirectory(Path.Combine(_directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_directory, "log"));
        // The server switches to the rabbitmq user: its folders must be that user's.
        await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", _directory]);
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await RunAsync("epmd", ["-port", EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"], withEnvironment: true);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts the broker and returns once it accepts AMQP connections.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory };
        SetEnvironment(start);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // `rabbitmqctl wait` returns once the broker wrote its pid file and finished booting: no polling.
        await RunAsync(Control, ["-n", NodeName, "wait", PidFile, "--timeout", ((int)StartTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)], withEnvironment: true);
        if (_process.HasExited)
            throw new InvalidOperationException($"rabbitmq-server exited with {_process.ExitCode} while starting");
        // A broker that did not come up fails here, with the client's own error.
        var factory = new ConnectionFactory { Uri = new System.Uri(Uri), AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
    }

    /// <summary>Stops the broker (<c>rabbitmqctl stop</c>) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        await RunAsync(Control, ["-n", NodeName, "stop"], withEnvironment: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Kills the broker outright (SIGKILL to it and its Erlang VM, as a crash or power loss would) and waits for it to exit.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Messages in a node's queue now, as the broker counts them.</summary>
    public async Task<uint> MessagesInAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new System.Uri(Uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return await channel.MessageCountAsync(queue);
    }

    // In the broker's own (rabbitmq-owned) folder: the broker writes it.
    private string PidFile => Path.Combine(_directory, "mnesia", "broker.pid");

    private void SetEnvironment(ProcessStartInfo start)
    {
        var ports = System.Globalization.CultureInfo.InvariantCulture;
        start.Environment["RABBITMQ_NODENAME"] = NodeName;
        start.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        start.Environment["RABBITMQ_NODE_PORT"] = Port.ToString(ports);
        start.Environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(ports);
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        start.Environment["RABBITMQ_PID_FILE"] = PidFile;
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        start.Environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        start.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(ports);
        start.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
    }

    private async Task RunAsync(string file, string[] arguments, bool withEnvironment = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (withEnvironment)
            SetEnvironment(start);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(StartTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(output, error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
