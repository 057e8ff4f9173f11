using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Server.Hosting;

namespace Parley.Benchmarks;

/// <summary>
/// The whole server over real sockets: the round trip of a command that stores nothing
/// (<c>/whoami</c>) against one whose OK waits for its commit (<c>/dm</c>), and confirmed direct
/// messages per second from many pipelining clients.
/// </summary>
internal static class EndToEndBenchmark
{
    public static async Task RunAsync(string directory, int messages)
    {
        var app = ParleyServer.Build(
            new Dictionary<string, string?>
            {
                ["Parley:Port"] = "-1",
                ["Parley:Tls:Port"] = "0",
                ["Parley:DataDirectory"] = Path.Combine(directory, "end-to-end"),
                // A benchmark pipelines far more than a person: no flood control.
                ["Parley:Limits:Flood:MessagesPerSecond"] = "0",
                ["Parley:Limits:MaxOutboundBytes"] = "67108864",
            },
            logging => logging.ClearProviders());
        await app.StartAsync();
        try
        {
            var port = app.Services.GetRequiredService<ListenerRegistry>().EndpointOf(ParleyServer.LineProtocol)!.Port;
            using var sink = await Client.ConnectAsync(port, "sink");
            var drain = sink.DrainForeverAsync();

            using var one = await Client.ConnectAsync(port, "one");
            await one.RoundTripsAsync("/whoami", 200);
            await one.RoundTripsAsync("/dm sink warm-up", 200);
            var whoami = await one.RoundTripsAsync("/whoami", 2_000);
            var dm = await one.RoundTripsAsync("/dm sink a direct message of about sixty bytes, stored", 2_000);
            Console.WriteLine("| one client, sequential | p50 | p99 |");
            Console.WriteLine("| --- | ---: | ---: |");
            Console.WriteLine(Row("/whoami (nothing stored)", whoami));
            Console.WriteLine(Row("/dm (OK after its commit)", dm));
            Console.WriteLine();

            const int clients = 32;
            const int window = 16;
            var senders = new List<Client>();
            for (var i = 0; i < clients; i++)
                senders.Add(await Client.ConnectAsync(port, $"s{i}"));
            var perClient = messages / clients;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(senders.Select(s => Task.Run(() => s.PipelineAsync("/dm sink a direct message of about sixty bytes, stored", perClient, window))));
            clock.Stop();
            Console.WriteLine($"{clients} clients x {window} pipelined /dm: {perClient * clients:N0} confirmed in {clock.Elapsed.TotalSeconds:N2} s "
                + $"= {perClient * clients / clock.Elapsed.TotalSeconds:N0} stored and delivered DMs/s");
            foreach (var s in senders)
                s.Dispose();
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string Row(string name, double[] sorted) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"| {name} | {sorted[sorted.Length / 2]:N3} ms | {sorted[(int)(sorted.Length * 0.99)]:N3} ms |");

    private sealed class Client : IDisposable
    {
        private readonly Socket _socket;
        private readonly StreamReader _reader;
        private readonly NetworkStream _stream;

        private Client(Socket socket)
        {
            _socket = socket;
            _stream = new NetworkStream(socket, ownsSocket: true);
            _reader = new StreamReader(_stream, Encoding.UTF8);
        }

        public static async Task<Client> ConnectAsync(int port, string nick)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", port);
            var client = new Client(socket);
            await client._reader.ReadLineAsync();
            await client.SendAsync("#" + nick);
            await client.ReplyAsync();
            return client;
        }

        public async Task<double[]> RoundTripsAsync(string line, int count)
        {
            var times = new double[count];
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await SendAsync(line);
                await ReplyAsync();
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            Array.Sort(times);
            return times;
        }

        public async Task PipelineAsync(string line, int count, int window)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            var sent = 0;
            var confirmed = 0;
            while (confirmed < count)
            {
                while (sent < count && sent - confirmed < window)
                {
                    await _stream.WriteAsync(bytes);
                    sent++;
                }

                await ReplyAsync();
                confirmed++;
            }
        }

        public async Task DrainForeverAsync()
        {
            try
            {
                while (await _reader.ReadLineAsync() is not null)
                {
                }
            }
            catch (IOException)
            {
            }
        }

        public void Dispose()
        {
            _reader.Dispose();
            _socket.Dispose();
        }

        private async Task SendAsync(string line) => await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));

        private async Task ReplyAsync()
        {
            while (await _reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("OK ", StringComparison.Ordinal))
                    return;
                if (line.StartsWith("ERR ", StringComparison.Ordinal))
                    throw new InvalidOperationException(line);
            }

            throw new IOException("closed");
        }
    }
}
