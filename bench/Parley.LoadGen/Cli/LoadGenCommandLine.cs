using System.CommandLine;
using Parley.LoadGen.Protocols;

namespace Parley.LoadGen.Cli;

/// <summary>The generator's command line: one option per <see cref="LoadOptions"/> property.</summary>
internal static class LoadGenCommandLine
{
    /// <summary>Builds the command; <paramref name="run"/> gets the options (not yet validated).</summary>
    public static RootCommand Create(Func<LoadOptions, CancellationToken, Task<int>> run)
    {
        var defaults = new LoadOptions();
        var protocol = new Option<ChatProtocol>("--protocol", "--proto") { Description = "line (Parley's line protocol) or irc. Default irc." };
        var tls = new Option<bool>("--tls") { Description = "Connect with TLS." };
        var tlsInsecure = new Option<bool>("--tls-insecure") { Description = "With --tls, accept any server certificate (a self-signed development one)." };
        var workload = new Option<Workload>("--workload", "-w") { Description = "dm, room, idle, churn or storm. Default dm." };
        var host = new Option<string>("--host") { Description = "Server address. Default 127.0.0.1; anything but loopback needs --allow-remote." };
        var port = new Option<int>("--port", "-p") { Description = "Server port (or --target)." };
        var target = new Option<string[]>("--target") { Description = "A server as host:port; once per node of a cluster: clients are spread over them round-robin. Instead of --host/--port." };
        var cpu = new Option<string[]>("--cpu") { Description = "name=pid[,pid...]: sample these process trees' CPU in the window (e.g. parley=101,102 broker=99 postgres=77); once per name." };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a server that is not on this machine (only one you run)." };
        var clients = new Option<int?>("--clients", "-c") { Description = "Connections to open and register. Default 100." };
        var senders = new Option<int?>("--senders") { Description = "How many clients send. Default: all (dm), 10 (room)." };
        var rate = new Option<double?>("--rate") { Description = "Messages/s per sender; 0 = as fast as the in-flight window allows. Default 0." };
        var window = new Option<int?>("--window") { Description = "With --rate 0: messages in flight per sender. Default 16." };
        var batch = new Option<int?>("--batch") { Description = "With --rate 0: most messages one write carries. Default 32." };
        var duration = new Option<double?>("--duration", "-d") { Description = "Measured window in seconds (churn and storm: each phase). Default 10." };
        var warmup = new Option<double?>("--warmup") { Description = "Seconds of load before the window. Default 2." };
        var drain = new Option<double?>("--drain") { Description = "Most seconds to wait for late deliveries. Default 5." };
        var payload = new Option<int?>("--payload") { Description = "Payload bytes including the sequence/timestamp token. Default 64." };
        var connectRate = new Option<double?>("--connect-rate") { Description = "New connections per second; 0 = unpaced. Default 0." };
        var connectWindow = new Option<int?>("--connect-window") { Description = "Most connect+register attempts at once. Default 200." };
        var connectTimeout = new Option<double?>("--connect-timeout") { Description = "Seconds a whole connect phase may take. Default 180." };
        var registrationTimeout = new Option<double?>("--registration-timeout") { Description = "Seconds one client's connect+register (or join) may take. Default 30." };
        var hold = new Option<double?>("--hold") { Description = "idle: seconds to hold the connections. Default 5." };
        var leaveRate = new Option<double?>("--leave-rate") { Description = "churn: users leaving per second; 0 = all at once. Default 0." };
        var probeInterval = new Option<double?>("--probe-interval") { Description = "churn, storm: milliseconds between the neighbour's probe DMs. Default 10." };
        var probeThreshold = new Option<double?>("--probe-threshold") { Description = "churn, storm: a probe round trip of this many ms or more is slow. Default 10." };
        var serverPid = new Option<int?>("--server-pid") { Description = "The server's process id: sample its RSS and CPU from /proc." };
        var room = new Option<string>("--room") { Description = "Room (channel) name. Default #bench." };
        var label = new Option<string>("--label") { Description = "Text copied into the JSON summary." };
        var seed = new Option<int?>("--seed") { Description = "Seed for targets and send phases. Default 12345." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No live progress line on stderr." };
        var registrationLog = new Option<string>("--registration-log") { Description = "Write every registration to this CSV file: start (Unix ms), latency (ms)." };

        var root = new RootCommand(
            "Parley load generator: opens many clients to a chat server on this machine (Parley, or any IRC server), runs a bounded workload, " +
            "and prints a progress line on stderr and a one-line JSON summary on stdout.")
        {
            protocol, tls, tlsInsecure, workload, host, port, target, cpu, allowRemote, clients, senders, rate, window, batch, duration, warmup, drain,
            payload, connectRate, connectWindow, connectTimeout, registrationTimeout, hold, leaveRate, probeInterval, probeThreshold,
            serverPid, room, label, seed, quiet, registrationLog,
        };

        static TimeSpan Seconds(double? value, TimeSpan fallback) => value is { } s ? TimeSpan.FromSeconds(s) : fallback;
        static TimeSpan Milliseconds(double? value, TimeSpan fallback) => value is { } ms ? TimeSpan.FromMilliseconds(ms) : fallback;

        root.SetAction((parse, cancellationToken) =>
        {
            var options = new LoadOptions
            {
                Protocol = parse.GetValue(protocol),
                Tls = parse.GetValue(tls),
                TlsInsecure = parse.GetValue(tlsInsecure),
                Workload = parse.GetValue(workload),
                Host = parse.GetValue(host) ?? defaults.Host,
                Port = parse.GetValue(port),
                Targets = parse.GetValue(target) ?? [],
                CpuGroups = parse.GetValue(cpu) ?? [],
                AllowRemote = parse.GetValue(allowRemote),
                Clients = parse.GetValue(clients) ?? defaults.Clients,
                Senders = parse.GetValue(senders),
                Rate = parse.GetValue(rate) ?? defaults.Rate,
                Window = parse.GetValue(window) ?? defaults.Window,
                Batch = parse.GetValue(batch) ?? defaults.Batch,
                Duration = Seconds(parse.GetValue(duration), defaults.Duration),
                Warmup = Seconds(parse.GetValue(warmup), defaults.Warmup),
                Drain = Seconds(parse.GetValue(drain), defaults.Drain),
                Payload = parse.GetValue(payload) ?? defaults.Payload,
                ConnectRate = parse.GetValue(connectRate) ?? defaults.ConnectRate,
                ConnectWindow = parse.GetValue(connectWindow) ?? defaults.ConnectWindow,
                ConnectTimeout = Seconds(parse.GetValue(connectTimeout), defaults.ConnectTimeout),
                RegistrationTimeout = Seconds(parse.GetValue(registrationTimeout), defaults.RegistrationTimeout),
                Hold = Seconds(parse.GetValue(hold), defaults.Hold),
                LeaveRate = parse.GetValue(leaveRate) ?? defaults.LeaveRate,
                ProbeInterval = Milliseconds(parse.GetValue(probeInterval), defaults.ProbeInterval),
                ProbeThreshold = Milliseconds(parse.GetValue(probeThreshold), defaults.ProbeThreshold),
                ServerPid = parse.GetValue(serverPid),
                Room = parse.GetValue(room) ?? defaults.Room,
                Label = parse.GetValue(label) ?? defaults.Label,
                Seed = parse.GetValue(seed) ?? defaults.Seed,
                Quiet = parse.GetValue(quiet),
                RegistrationLog = parse.GetValue(registrationLog),
            };
            return run(options, cancellationToken);
        });
        return root;
    }
}
