using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Parley.FrontEnds.Tests.Harness;

/// <summary>
/// The client's end of one in-memory connection: two <see cref="Pipe"/>s, one each way, whose other
/// ends are the server's <see cref="IDuplexPipe"/>. Writes lines, reads lines (LF, a CR before it
/// dropped) with awaits that time out, and tells when the server has closed its side.
/// </summary>
/// <remarks>
/// One test drives a client from one flow at a time (not thread-safe). The server's
/// <c>abort</c> (a slow consumer) may come from any thread: it only cancels the server's pending
/// flush and read, as a dropped socket would end them, and marks the client aborted.
/// </remarks>
public sealed class PipeClient : IAsyncDisposable
{
    /// <summary>How long an expected line may take before the test fails: generous, since a passing test takes microseconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Pipe _toServer;
    private readonly Pipe _fromServer;
    private readonly string _lineEnding;
    private int _aborted;

    /// <summary>Creates both pipes; the server side is <see cref="Transport"/>.</summary>
    /// <param name="lineEnding">What <see cref="SendAsync"/> appends: LF for the line protocol, CR LF for IRC.</param>
    /// <param name="fromServer">The server-to-client pipe's options: a small pause threshold makes a non-reading client push back soon.</param>
    public PipeClient(string lineEnding, PipeOptions? fromServer = null)
    {
        _lineEnding = lineEnding;
        _toServer = new Pipe();
        _fromServer = new Pipe(fromServer ?? PipeOptions.Default);
        Transport = new DuplexPipe(_toServer.Reader, _fromServer.Writer);
    }

    /// <summary>The server's end: it reads what the client sent and writes what the client reads.</summary>
    public IDuplexPipe Transport { get; }

    /// <summary>The server's connection task (set by <see cref="InMemoryFrontEnds"/>): completes when the server is done with it.</summary>
    public Task Served { get; internal set; } = Task.CompletedTask;

    /// <summary>Whether the server dropped this connection at once (its <c>abort</c>: a slow consumer).</summary>
    public bool Aborted => Volatile.Read(ref _aborted) != 0;

    /// <summary>The server's <c>abort</c>: ends its pending flush and read, as a dropped socket would. Thread-safe.</summary>
    public void Abort()
    {
        Volatile.Write(ref _aborted, 1);
        _fromServer.Writer.CancelPendingFlush();
        _toServer.Reader.CancelPendingRead();
    }

    /// <summary>Sends one line with the protocol's line ending.</summary>
    public Task SendAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + _lineEnding));

    /// <summary>Sends bytes exactly as given, in one write.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await _toServer.Writer.WriteAsync(bytes, timeout.Token);
    }

    /// <summary>Reads the next line; fails on timeout, or when the server closed before one came.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? timeout = null) =>
        await TryReadLineAsync(timeout) ?? throw new InvalidOperationException("the server closed the connection");

    /// <summary>Reads the next line and asserts it is exactly <paramref name="expected"/>.</summary>
    public async Task ExpectAsync(string expected) => Assert.Equal(expected, await ReadLineAsync());

    /// <summary>Reads lines until one satisfies <paramref name="match"/>; returns it and the lines before it.</summary>
    public async Task<(string Line, List<string> Before)> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var before = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await TryReadLineAsync(timeout);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no matching line; got: {string.Join(" | ", before)}");
            }

            if (line is null)
                throw new InvalidOperationException($"closed before a matching line; got: {string.Join(" | ", before)}");
            if (match(line))
                return (line, before);
            before.Add(line);
        }
    }

    /// <summary>Reads until the server has closed its side; returns every line read.</summary>
    public async Task<List<string>> ReadUntilClosedAsync(TimeSpan? timeout = null)
    {
        var lines = new List<string>();
        while (await TryReadLineAsync(timeout) is { } line)
            lines.Add(line);
        return lines;
    }

    /// <summary>
    /// The lines the server has written so far, without waiting: what a test reads after a
    /// synchronous step to show that nothing more was sent.
    /// </summary>
    public List<string> ReadWritten()
    {
        var lines = new List<string>();
        if (!_fromServer.Reader.TryRead(out var result))
            return lines;
        var buffer = result.Buffer;
        while (TakeLine(ref buffer) is { } line)
            lines.Add(line);
        _fromServer.Reader.AdvanceTo(buffer.Start, buffer.End);
        return lines;
    }

    /// <summary>Ends the client's side, as a client that closes its socket (the server reads the end).</summary>
    public ValueTask DropAsync() => _toServer.Writer.CompleteAsync();

    /// <summary>Stops reading, drops the connection and waits for the server to finish with it.</summary>
    public async ValueTask DisposeAsync()
    {
        // Reader first: a server flush waiting for this client to read then ends at once.
        await _fromServer.Reader.CompleteAsync();
        await DropAsync();
        await Served.WaitAsync(DefaultTimeout);
    }

    // Null when the server completed its side (or aborted) before a whole line came.
    private async Task<string?> TryReadLineAsync(TimeSpan? timeout)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _fromServer.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"no line within {timeout ?? DefaultTimeout}");
            }

            var buffer = result.Buffer;
            if (TakeLine(ref buffer) is { } line)
            {
                // Only the line is examined: the next read returns the lines already here at once.
                _fromServer.Reader.AdvanceTo(buffer.Start);
                return line;
            }

            _fromServer.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || Aborted)
                return null;
        }
    }

    // Takes one LF-terminated line off the front of the buffer, or returns null and leaves it.
    private static string? TakeLine(ref ReadOnlySequence<byte> buffer)
    {
        if (buffer.PositionOf((byte)'\n') is not { } end)
            return null;
        var line = Encoding.UTF8.GetString(buffer.Slice(0, end));
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return line.EndsWith('\r') ? line[..^1] : line;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input => input;

        public PipeWriter Output => output;
    }
}
