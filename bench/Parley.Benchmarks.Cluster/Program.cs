using System.Diagnostics;
using System.Globalization;
using Parley.Benchmarks.Cluster;
using Parley.Cluster.RabbitMq;
using Parley.Core.Accounts;
using Parley.Core.Cluster;
using Parley.Core.Events;
using Parley.Core.Moderation;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Tests;

// Usage: Parley.Benchmarks.Cluster <amqp-uri> <broker-pid> [messages=20000] [persistent|transient]
if (args.Length < 2 || (args.Length > 3 && args[3] is not ("persistent" or "transient")))
{
    Console.Error.WriteLine("usage: Parley.Benchmarks.Cluster <amqp-uri> <broker-pid> [messages] [persistent|transient]");
    return 2;
}

var uri = args[0];
var brokerPid = int.Parse(args[1], CultureInfo.InvariantCulture);
var messages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20_000;
// Transient is the delivery mode before events were made persistent: the before/after figure of docs/benchmarks.md.
var persistent = args.Length < 4 || args[3] == "persistent";
Console.WriteLine($"events {(persistent ? "persistent" : "transient")}");
var exchange = "parley.bench." + Guid.NewGuid().ToString("N")[..8];

var (a, routerA) = await NodeAsync("bench-a", 1);
var (b, routerB) = await NodeAsync("bench-b", 2);

// One sender on A; "bob" on A and on B (an account's two devices until cluster nick claims); a room on both.
var alice = a.Connect(new ArrivalSink(1), "127.0.0.1");
await a.RegisterGuestAsync(alice, "alice");
var bobOnA = a.Connect(new ArrivalSink(1), "127.0.0.1");
await a.RegisterGuestAsync(bobOnA, "bob");
var dmSink = new ArrivalSink(messages);
var bobOnB = b.Connect(dmSink, "127.0.0.1");
await b.RegisterGuestAsync(bobOnB, "bob");
var roomSink = new ArrivalSink(messages);
var carolOnB = b.Connect(roomSink, "127.0.0.1");
await b.RegisterGuestAsync(carolOnB, "carol");
await a.Rooms.JoinAsync(alice, "#bench", key: null);
await b.Rooms.JoinAsync(carolOnB, "#bench", key: null);
await routerA.WhenConfirmedAsync(TimeSpan.FromSeconds(10));
await routerB.WhenConfirmedAsync(TimeSpan.FromSeconds(10));

using (var codec = new EnvelopeCodecProbe())
    codec.Report();

await RunAsync("DM (nick audience)", dmSink, async i => await a.SendDirectAsync(alice, "bob", i.ToString(CultureInfo.InvariantCulture)));
await RunAsync("room message (2 nodes)", roomSink, async i => await a.Rooms.SayAsync(alice, "#bench", i.ToString(CultureInfo.InvariantCulture)));
// One at a time (the next sent when the last arrived): latency without a queue in front.
var pacedDm = new ArrivalSink(1000);
var daveOnB = b.Connect(pacedDm, "127.0.0.1");
await b.RegisterGuestAsync(daveOnB, "dave");
var daveOnA = a.Connect(new ArrivalSink(1), "127.0.0.1");
await a.RegisterGuestAsync(daveOnA, "dave");
var pacedRoom = new ArrivalSink(1000);
var erinOnB = b.Connect(pacedRoom, "127.0.0.1");
await b.RegisterGuestAsync(erinOnB, "erin");
await a.Rooms.JoinAsync(alice, "#paced", key: null);
await b.Rooms.JoinAsync(erinOnB, "#paced", key: null);
await routerA.WhenConfirmedAsync(TimeSpan.FromSeconds(10));
await routerB.WhenConfirmedAsync(TimeSpan.FromSeconds(10));
await PacedAsync("DM, one at a time", pacedDm, async i => await a.SendDirectAsync(alice, "dave", i.ToString(CultureInfo.InvariantCulture)));
await PacedAsync("room message, one at a time", pacedRoom, async i => await a.Rooms.SayAsync(alice, "#paced", i.ToString(CultureInfo.InvariantCulture)));

await routerA.DisposeAsync();
await routerB.DisposeAsync();
return 0;

async Task RunAsync(string name, ArrivalSink sink, Func<int, Task> send)
{
    var sent = new long[messages];
    var cpuBefore = Cpu(Environment.ProcessId);
    var brokerBefore = Cpu(brokerPid);
    var started = Stopwatch.GetTimestamp();
    for (var i = 0; i < messages; i++)
    {
        sent[i] = Stopwatch.GetTimestamp();
        await send(i);
    }

    var arrived = await Task.WhenAny(sink.AllArrived.Task, Task.Delay(TimeSpan.FromSeconds(120))) == sink.AllArrived.Task;
    var elapsed = Stopwatch.GetElapsedTime(started);
    var cpu = Cpu(Environment.ProcessId) - cpuBefore;
    var broker = Cpu(brokerPid) - brokerBefore;
    var latencies = Enumerable.Range(0, messages).Where(i => sink.Arrived[i] != 0)
        .Select(i => Stopwatch.GetElapsedTime(sent[i], sink.Arrived[i]).TotalMilliseconds).Order().ToArray();
    double P(double q) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))];
    var k = sink.Count / 1000.0;
    Console.WriteLine(FormattableString.Invariant(
        $"{name}: {sink.Count}/{messages} arrived{(arrived ? "" : " (timed out)")} in {elapsed.TotalSeconds:F2} s = {sink.Count / elapsed.TotalSeconds:F0} events/s; latency A->B p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {latencies.LastOrDefault():F2} ms; CPU per 1,000 deliveries: Parley (both nodes) {cpu / k:F1} ms, broker {broker / k:F1} ms"));
}

async Task PacedAsync(string name, ArrivalSink sink, Func<int, Task> send)
{
    var latencies = new double[sink.Arrived.Length];
    var deadline = Stopwatch.StartNew();
    for (var i = 0; i < latencies.Length && deadline.Elapsed < TimeSpan.FromSeconds(120); i++)
    {
        var sent = Stopwatch.GetTimestamp();
        await send(i);
        while (sink.Count <= i && deadline.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Yield();
        latencies[i] = Stopwatch.GetElapsedTime(sent, sink.Arrived[i]).TotalMilliseconds;
    }

    Array.Sort(latencies);
    Console.WriteLine(FormattableString.Invariant(
        $"{name}: {sink.Count} messages; latency A->B p50 {latencies[latencies.Length / 2]:F2} ms, p99 {latencies[(int)(latencies.Length * 0.99)]:F2} ms, max {latencies[^1]:F2} ms"));
}

// utime + stime of a process, in milliseconds (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms).
static double Cpu(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
}

async Task<(ChatHub Hub, RabbitMqEventRouter Router)> NodeAsync(string name, int number)
{
    var router = new RabbitMqEventRouter(new RabbitMqRouterOptions { Uri = uri, NodeName = name, Exchange = exchange, Persistent = persistent });
    await router.StartAsync();
    var hub = new ChatHub(
        new MemoryAccountStore(), new MemoryMessageStore(), new AccountOptions(), new RoomOptions(), new RoomLimits(),
        new InMemoryRoomStore(), new InMemoryRoomHistory(), OperatorPolicy.None, TimeProvider.System,
        new ClusterPorts { Ids = new InProcessIdAllocator(TimeProvider.System, node: number, nodes: 64) })
    {
        Router = router,
    };
    return (hub, router);
}
