using System.Net.Sockets;
using System.Text;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Web;

/// <summary>A bare TCP connection to a listener, for what comes before HTTP or TLS: it sends only what a test writes.</summary>
internal sealed class RawTcpClient : IDisposable
{
    private readonly Socket _socket;

    private RawTcpClient(Socket socket) => _socket = socket;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task<RawTcpClient> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        try
        {
            await socket.ConnectAsync("127.0.0.1", port, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new RawTcpClient(socket);
    }

    /// <summary>Sends <paramref name="text"/> as ASCII.</summary>
    public async Task SendAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TestConnection.DefaultTimeout);
        await _socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, timeout.Token);
    }

    /// <summary>
    /// Everything the server sends until it closes the connection (a reset counts as closed), as
    /// ASCII; fails with <see cref="OperationCanceledException"/> when it is still open after
    /// <paramref name="timeout"/> (default <see cref="TestConnection.DefaultTimeout"/>).
    /// </summary>
    public async Task<string> ReadUntilClosedAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TestConnection.DefaultTimeout);
        var received = new List<byte>();
        var buffer = new byte[1024];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) is var count and > 0)
                received.AddRange(buffer.AsSpan(0, count));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            // Closed.
        }

        return Encoding.ASCII.GetString([.. received]);
    }

    /// <summary>Sends a GET of <paramref name="path"/> and reads its response's status line.</summary>
    public async Task<string> GetStatusLineAsync(string path)
    {
        await SendAsync($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        using var cancel = new CancellationTokenSource(TestConnection.DefaultTimeout);
        var received = new StringBuilder();
        var buffer = new byte[1024];
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            if (count == 0)
                throw new IOException("closed before a status line: " + received);
            received.Append(Encoding.ASCII.GetString(buffer, 0, count));
        }

        var text = received.ToString();
        return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
    }

    public void Dispose() => _socket.Dispose();
}
