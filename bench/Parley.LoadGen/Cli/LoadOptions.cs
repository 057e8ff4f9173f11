using System.Net;
using Parley.LoadGen.Protocols;

namespace Parley.LoadGen.Cli;

/// <summary>
/// Everything a run does, from the command line. Every loop of the generator is bounded by these
/// values and the hard time limit (<see cref="HardLimit"/>).
/// </summary>
internal sealed record LoadOptions
{
    /// <summary>Wire protocol. Default IRC.</summary>
    public ChatProtocol Protocol { get; init; } = ChatProtocol.Irc;

    /// <summary>Connect with TLS.</summary>
    public bool Tls { get; init; }

    /// <summary>With TLS, accept any server certificate (a self-signed development one).</summary>
    public bool TlsInsecure { get; init; }

    /// <summary>The workload. Default <see cref="Workload.Dm"/>.</summary>
    public Workload Workload { get; init; } = Workload.Dm;

    /// <summary>Server address or name. Default 127.0.0.1.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Server port (1-65535). Required unless <see cref="Targets"/> are given.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Several servers (the nodes of a cluster) as <c>host:port</c>, from <c>--target</c> given once per
    /// server: client <c>i</c> connects to target <c>i mod count</c> (round-robin). Empty: <see cref="Host"/>:<see cref="Port"/>.
    /// </summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// Process trees whose CPU is sampled over the measured window, as <c>name=pid[,pid...]</c> (from
    /// <c>--cpu</c>, once per name): each name's processes and all their descendants are summed
    /// (PostgreSQL's backends, RabbitMQ's Erlang VM under its start script). Empty: none.
    /// </summary>
    public IReadOnlyList<string> CpuGroups { get; init; } = [];

    /// <summary>Allow a server that is not on this machine. Default false: loopback only.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Clients to connect and register (1-60,000). Default 100.</summary>
    public int Clients { get; init; } = 100;

    /// <summary>How many of them send; null: every client for dm, 10 for room.</summary>
    public int? Senders { get; init; }

    /// <summary>Messages per second per sender; 0: as fast as the in-flight window allows. Default 0.</summary>
    public double Rate { get; init; }

    /// <summary>With rate 0, messages in flight (sent, not yet delivered) per sender (1-100,000). Default 16.</summary>
    public int Window { get; init; } = 16;

    /// <summary>With rate 0, most messages one write may carry (1-4,096). Default 32.</summary>
    public int Batch { get; init; } = 32;

    /// <summary>Measured window. Default 10 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Load before the measured window (not measured). Default 2 s.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for late deliveries after the window. Default 5 s.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Payload bytes including the token (1-8,000; at least the token's length is sent). Default 64.</summary>
    public int Payload { get; init; } = 64;

    /// <summary>New connections per second; 0: as fast as the connect window allows. Default 0.</summary>
    public double ConnectRate { get; init; }

    /// <summary>Most connect+register attempts under way at once (1-60,000). Default 200.</summary>
    public int ConnectWindow { get; init; } = 200;

    /// <summary>Limit of a whole connect phase. Default 180 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Limit of one client's connect, TLS handshake and registration (and of a join). Default 30 s.</summary>
    public TimeSpan RegistrationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Idle: how long the connections are held. Default 5 s.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Churn: users leaving per second; 0: all at once. Default 0.</summary>
    public double LeaveRate { get; init; }

    /// <summary>Churn and storm: interval between the neighbour's probe DMs. Default 10 ms.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Churn and storm: a probe round trip at or above this is slow. Default 10 ms.</summary>
    public TimeSpan ProbeThreshold { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The server's process id for /proc sampling of RSS and CPU; null: not sampled.</summary>
    public int? ServerPid { get; init; }

    /// <summary>Room for room, churn and storm. Default #bench.</summary>
    public string Room { get; init; } = "#bench";

    /// <summary>Free text copied into the JSON summary.</summary>
    public string Label { get; init; } = "";

    /// <summary>Seed for target choice and send phases. Default 12345.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>Leave out the live progress line.</summary>
    public bool Quiet { get; init; }

    /// <summary>
    /// A CSV file to write every registration to (<c>start_unix_ms,latency_ms</c>), to line slow ones up
    /// with the server's GC pauses or log; null: none written.
    /// </summary>
    public string? RegistrationLog { get; init; }

    /// <summary>Senders after defaults: every client for dm, 10 (or fewer clients) otherwise.</summary>
    public int EffectiveSenders => Senders ?? (Workload == Workload.Dm ? Clients : Math.Min(10, Clients));

    /// <summary>
    /// The hard time limit of the whole run: every phase's own limit added up, plus a minute. The
    /// process exits when it passes, whatever is still running.
    /// </summary>
    public TimeSpan HardLimit =>
        (ConnectTimeout * 2) + (RegistrationTimeout * 4) + Warmup + (Duration * 2) + Drain + Hold + TimeSpan.FromSeconds(60);

    /// <summary>The problems with these options, one line each naming the option and what is allowed; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
                errors.Add(message);
        }

        if (Targets.Count == 0)
        {
            Check(Port is >= 1 and <= 65535, "--port must be 1-65535");
            Check(AllowRemote || IsLoopback(Host), $"--host {Host} is not a loopback address (127.0.0.0/8, ::1, localhost); pass --allow-remote to load a server you run elsewhere");
        }
        else
        {
            Check(Port == 0, "--port: give either --port (with --host) or --target host:port, not both");
            foreach (var target in Targets)
            {
                if (!TrySplitTarget(target, out var host, out _))
                    errors.Add($"--target {target}: it must be host:port with a port of 1-65535");
                else
                    Check(AllowRemote || IsLoopback(host), $"--target {target} is not a loopback address; pass --allow-remote to load a server you run elsewhere");
            }
        }

        foreach (var group in CpuGroups)
            Check(TrySplitCpuGroup(group, out _, out _), $"--cpu {group}: it must be name=pid[,pid...] (a name of letters and digits, process ids over 0)");
        Check(Clients is >= 1 and <= 60_000, "--clients must be 1-60000");
        Check(Workload is not (Workload.Dm or Workload.Churn or Workload.Storm) || Clients >= 2, "--clients must be at least 2 for this workload");
        Check(Senders is null || (Senders >= 1 && Senders <= Clients), "--senders must be 1 to --clients");
        Check(Rate is >= 0 and <= 1_000_000, "--rate must be 0-1000000 messages/s per sender");
        Check(Window is >= 1 and <= 100_000, "--window must be 1-100000");
        Check(Batch is >= 1 and <= 4096, "--batch must be 1-4096");
        Check(Duration > TimeSpan.Zero && Duration <= TimeSpan.FromHours(1), "--duration must be over 0 and at most 3600 s");
        Check(Warmup >= TimeSpan.Zero && Warmup <= TimeSpan.FromMinutes(10), "--warmup must be 0-600 s");
        Check(Drain >= TimeSpan.Zero && Drain <= TimeSpan.FromMinutes(2), "--drain must be 0-120 s");
        Check(Hold >= TimeSpan.Zero && Hold <= TimeSpan.FromHours(1), "--hold must be 0-3600 s");
        Check(Payload is >= 1 and <= 8000, "--payload must be 1-8000 bytes");
        Check(ConnectRate is >= 0 and <= 1_000_000, "--connect-rate must be 0-1000000 connections/s");
        Check(ConnectWindow is >= 1 and <= 60_000, "--connect-window must be 1-60000");
        Check(ConnectTimeout > TimeSpan.Zero && ConnectTimeout <= TimeSpan.FromHours(1), "--connect-timeout must be over 0 and at most 3600 s");
        Check(RegistrationTimeout > TimeSpan.Zero && RegistrationTimeout <= TimeSpan.FromMinutes(10), "--registration-timeout must be over 0 and at most 600 s");
        Check(LeaveRate is >= 0 and <= 1_000_000, "--leave-rate must be 0-1000000 users/s");
        Check(ProbeInterval >= TimeSpan.FromMilliseconds(1) && ProbeInterval <= TimeSpan.FromSeconds(10), "--probe-interval must be 1-10000 ms");
        Check(ProbeThreshold > TimeSpan.Zero, "--probe-threshold must be over 0 ms");
        Check(ServerPid is null or > 0, "--server-pid must be a process id");
        Check(Room.Length is >= 2 and <= 50 && Room[0] == '#' && !Room.Contains(' ', StringComparison.Ordinal), "--room must be #name, 2-50 characters, no spaces");
        return errors;
    }

    /// <summary>Splits <c>host:port</c> (the last colon; <c>[::1]:6667</c> for IPv6).</summary>
    public static bool TrySplitTarget(string target, out string host, out int port)
    {
        var colon = target.LastIndexOf(':');
        host = colon > 0 ? target[..colon].Trim('[', ']') : "";
        port = 0;
        return colon > 0 && host.Length > 0
            && int.TryParse(target.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port)
            && port is >= 1 and <= 65535;
    }

    /// <summary>Splits <c>name=pid[,pid...]</c>.</summary>
    public static bool TrySplitCpuGroup(string group, out string name, out int[] pids)
    {
        var equals = group.IndexOf('=', StringComparison.Ordinal);
        name = equals > 0 ? group[..equals] : "";
        pids = [];
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
            return false;
        var parts = group[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        var parsed = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out parsed[i]) || parsed[i] < 1)
                return false;
        }

        pids = parsed;
        return parsed.Length > 0;
    }

    /// <summary>True for a loopback address literal or <c>localhost</c>.</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
