using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Parley.Client.Tests;

/// <summary>
/// A tiny fake line server on 127.0.0.1, port 0: greets each connection, then answers every line it
/// receives with the lines its script returns. A script line equal to <see cref="CloseConnection"/>
/// closes the connection instead. Lines pushed with <see cref="SendAsync"/> and closes with
/// <see cref="DropClientAsync"/> go to the latest connection.
/// </summary>
public sealed class ScriptedLineServer : IAsyncDisposable
{
    /// <summary>A script line that closes the connection rather than being sent.</summary>
    public const string CloseConnection = "\u0000close";

    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly TcpListener _listener;
    private readonly Func<string, IEnumerable<string>> _script;
    private readonly string? _greeting;
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly Channel<Socket> _connected = Channel.CreateUnbounded<Socket>();
    private readonly List<Task> _handlers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private Socket? _latest;

    private ScriptedLineServer(Func<string, IEnumerable<string>> script, string? greeting)
    {
        _script = script;
        _greeting = greeting;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every line received from any client, in order.</summary>
    public ChannelReader<string> Received => _received.Reader;

    public ParleyClientOptions Options => new() { Host = "127.0.0.1", Port = Port, ConnectTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>Starts a server; <paramref name="greeting"/> <see langword="null"/> sends no greeting.</summary>
    public static ScriptedLineServer Start(Func<string, IEnumerable<string>> script, string? greeting = "HELLO scripted server") =>
        new(script, greeting);

    /// <summary>Waits until a client has connected.</summary>
    public async Task WaitForClientAsync() => await _connected.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Sends raw text (add the "\n" yourself) to the latest client.</summary>
    public async Task SendRawAsync(string text)
    {
        var socket = _latest ?? throw new InvalidOperationException("No client connected.");
        await _writeLock.WaitAsync();
        try
        {
            await socket.SendAsync(Utf8.GetBytes(text), SocketFlags.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends one line to the latest client.</summary>
    public Task SendAsync(string line) => SendRawAsync(line + "\n");

    /// <summary>Closes the latest client's connection.</summary>
    public Task DropClientAsync()
    {
        _latest?.Shutdown(SocketShutdown.Both);
        _latest?.Close();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _latest?.Close();
        await Task.WhenAll(_handlers).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            _latest = socket;
            lock (_handlers)
            {
                _handlers.Add(HandleAsync(socket));
            }
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        try
        {
            if (_greeting is not null)
            {
                await SendToAsync(socket, _greeting);
            }

            _connected.Writer.TryWrite(socket);
            using var stream = new NetworkStream(socket, ownsSocket: false);
            using var reader = new StreamReader(stream, Utf8);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                _received.Writer.TryWrite(line);
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                foreach (var reply in _script(line))
                {
                    if (reply == CloseConnection)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        socket.Close();
                        return;
                    }

                    await SendToAsync(socket, reply);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client or the test closed the connection.
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task SendToAsync(Socket socket, string line)
    {
        await _writeLock.WaitAsync();
        try
        {
            await socket.SendAsync(Utf8.GetBytes(line + "\n"), SocketFlags.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
