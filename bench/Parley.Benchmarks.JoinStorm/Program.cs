using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

// Usage: dotnet run -c Release --project bench/Parley.Benchmarks.JoinStorm -- <port> [<joiners>] [<rounds>]
// Against a running server (flood control off: Parley__Limits__Flood__MessagesPerSecond=0).
// Connects <joiners> guests, waits for quiet, then they all /join #storm at once while an
// unrelated pair (not in the room) does DM round trips: the neighbour's latency during the storm.
var port = int.Parse(args[0], CultureInfo.InvariantCulture);
var joiners = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
// "distinct": each joiner joins a room of its own, the same number of joins without the fan-out.
var distinct = args.Length > 3 && args[3] == "distinct";
// "burst": one connection pipelines 100,000 /whoami in one go (no joins): one connection's burst.
var burst = args.Length > 3 && args[3] == "burst";
var run = Guid.NewGuid().ToString("N")[..6];

var a = await Line.ConnectAsync(port, $"pa{run}");
var b = await Line.ConnectAsync(port, $"pb{run}");
_ = b.DrainAsync(); // b only needs to receive; a reads its replies.
var storm = new List<Line>();
for (var i = 0; i < joiners; i++)
{
    storm.Add(await Line.ConnectAsync(port, $"j{run}{i}"));
    storm[^1].StartDraining();
}

Console.WriteLine($"{joiners} guests connected; probing");
for (var round = 0; burst && round < rounds; round++)
{
    var quiet = await ProbeAsync(a, b, $"pb{run}", TimeSpan.FromSeconds(2), null);
    var clock = Stopwatch.StartNew();
    var done = storm[0].CountReplies("OK you are", 100_000);
    var text = string.Concat(Enumerable.Repeat("/whoami\n", 100_000));
    var sent = storm[0].SendRawAsync(text);
    var during = await ProbeAsync(a, b, $"pb{run}", TimeSpan.FromSeconds(60), () => done.IsCompleted);
    await sent;
    await done;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: burst of 100,000 /whoami from one connection done in {clock.Elapsed.TotalSeconds:N1} s; neighbour DM round trip quiet p50 {quiet.P50:N1} ms; during burst p50 {during.P50:N1} ms, max {during.Max:N1} ms ({during.Count} probes)"));
}

for (var round = 0; !burst && round < rounds; round++)
{
    var room = $"#storm{run}{round}";
    var quiet = await ProbeAsync(a, b, $"pb{run}", TimeSpan.FromSeconds(2), null);
    var clock = Stopwatch.StartNew();
    string RoomOf(int i) => distinct ? $"{room}x{i}" : room;
    var sent = Task.WhenAll(storm.Select((s, i) => s.SendAsync($"/join {RoomOf(i)}")));
    var during = await ProbeAsync(a, b, $"pb{run}", TimeSpan.FromSeconds(30), () => storm.Select((s, i) => s.Joined(RoomOf(i))).All(j => j));
    await sent;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: storm of {joiners} joins done in {clock.Elapsed.TotalSeconds:N1} s; neighbour DM round trip quiet p50 {quiet.P50:N1} ms; during storm p50 {during.P50:N1} ms, max {during.Max:N1} ms ({during.Count} probes)"));
    for (var i = 0; i < storm.Count; i++)
        await storm[i].SendAsync($"/part {RoomOf(i)}");
    await Task.Delay(3000);
}

return;

static async Task<(double P50, double Max, int Count)> ProbeAsync(Line a, Line b, string to, TimeSpan limit, Func<bool>? until)
{
    var samples = new List<double>();
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < limit && (until is null ? samples.Count < 20 : !until()))
    {
        var clock = Stopwatch.StartNew();
        await a.SendAsync($"/dm {to} probe");
        await a.ReadUntilAsync(l => l.StartsWith("OK delivered", StringComparison.Ordinal));
        samples.Add(clock.Elapsed.TotalMilliseconds);
        await Task.Delay(20);
    }

    samples.Sort();
    return samples.Count == 0 ? (0, 0, 0) : (samples[samples.Count / 2], samples[^1], samples.Count);
}

internal sealed class Line
{
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly NetworkStream _stream;
    private readonly HashSet<string> _joined = [];

    private Line(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    public static async Task<Line> ConnectAsync(int port, string nick)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        var line = new Line(socket);
        await line._reader.ReadLineAsync(); // HELLO
        await line.SendAsync("#" + nick);
        await line.ReadUntilAsync(l => l.StartsWith("OK registered", StringComparison.Ordinal));
        return line;
    }

    public bool Joined(string room)
    {
        lock (_joined)
            return _joined.Contains(room);
    }

    private int _target;
    private string _prefix = "\u0000";
    private int _count;
    private readonly TaskCompletionSource _counted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task CountReplies(string prefix, int target)
    {
        _prefix = prefix;
        _target = target;
        return _counted.Task;
    }

    public Task SendRawAsync(string text) => _stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    public Task SendAsync(string text) => _stream.WriteAsync(Encoding.UTF8.GetBytes(text + "\n")).AsTask();

    public async Task ReadUntilAsync(Func<string, bool> done)
    {
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (done(line))
                return;
        }

        throw new IOException("closed");
    }

    public async Task DrainAsync()
    {
        while (await _reader.ReadLineAsync() is not null)
        {
        }
    }

    public void StartDraining() => _ = Task.Run(async () =>
    {
        while (await _reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(_prefix, StringComparison.Ordinal) && ++_count == _target)
                _counted.TrySetResult();
            if (line.StartsWith("OK joined ", StringComparison.Ordinal))
            {
                var room = line["OK joined ".Length..].Split(' ')[0];
                lock (_joined)
                    _joined.Add(room);
            }
        }
    });
}
