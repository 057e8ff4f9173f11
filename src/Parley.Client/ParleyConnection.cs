using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Parley.Protocols.Line;

namespace Parley.Client;

/// <summary>
/// A connection to a Parley server over the line protocol (<c>docs/protocol.md</c>): sends commands
/// and matches each with its final reply, and hands every other line to <see cref="Incoming"/>.
/// </summary>
/// <remarks>
/// <para>Thread safety: every member is safe to call from any thread. Commands sent concurrently go
/// out one whole line at a time; their replies are matched first-in, first-out, which the protocol
/// guarantees (one final reply per non-empty line, in order).</para>
/// <para>One background loop reads the server. It MUST NOT block on the caller: unsolicited lines
/// go to a bounded buffer that drops its oldest line when full (see
/// <see cref="ParleyClientOptions.IncomingCapacity"/>).</para>
/// <para>The connection runs over any <see cref="Stream"/> (<see cref="OpenAsync"/>), so TLS is an
/// <c>SslStream</c> away.</para>
/// </remarks>
public sealed partial class ParleyConnection : IAsyncDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly ParleyClientOptions _options;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _pendingLock = new();
    private readonly Queue<PendingCommand> _pending = new();
    private readonly Channel<ServerLine> _incoming;
    private readonly TaskCompletionSource<ServerLine> _greeting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _shutdown = new();
    private Task _readLoop = Task.CompletedTask;
    private Task _keepAlive = Task.CompletedTask;
    private Exception? _error;
    private bool _isClosed;
    private int _disposed;
    private long _droppedIncoming;

    private ParleyConnection(Stream stream, ParleyClientOptions options)
    {
        _stream = stream;
        _options = options;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        _incoming = Channel.CreateBounded<ServerLine>(
            new BoundedChannelOptions(options.IncomingCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
            },
            _ => Interlocked.Increment(ref _droppedIncoming));
    }

    /// <summary>The text of the server's <c>HELLO</c> greeting.</summary>
    public string Greeting { get; private set; } = "";

    /// <summary>
    /// Lines that answer no command: <c>DM</c>, <c>BM</c>, <c>SYS</c>, a <c>BYE</c> the server sends on
    /// its own (shutdown, registration timeout), data lines or replies when no command is waiting, and
    /// lines that parse as <see cref="ServerLineKind.Unknown"/>. In the order received; completes when
    /// the connection closes. Replies to commands are not repeated here: they are in <see cref="CommandReply"/>.
    /// </summary>
    public ChannelReader<ServerLine> Incoming => _incoming.Reader;

    /// <summary>How many unsolicited lines were dropped because <see cref="Incoming"/> was full.</summary>
    public long DroppedIncomingCount => Interlocked.Read(ref _droppedIncoming);

    /// <summary>
    /// Completes (never faults) when the connection has closed, for whatever reason; see <see cref="Error"/>.
    /// </summary>
    public Task Completion => _closed.Task;

    /// <summary>
    /// Why the connection closed, when it was not a clean close by the server or by
    /// <see cref="DisposeAsync"/>; otherwise <see langword="null"/>.
    /// </summary>
    public Exception? Error => Volatile.Read(ref _error);

    /// <summary>
    /// Opens a TCP connection to <see cref="ParleyClientOptions.Host"/>:<see cref="ParleyClientOptions.Port"/>,
    /// with a TLS handshake when <see cref="ParleyClientOptions.Tls"/> is set, and waits for the server's <c>HELLO</c>.
    /// </summary>
    /// <param name="options">Where to connect and the limits to apply.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The open connection; dispose it to close.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="SocketException">The server cannot be reached (refused, unknown host).</exception>
    /// <exception cref="TimeoutException">No connection and greeting within <see cref="ParleyClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="ServerCertificateRejectedException">TLS: the server's certificate is not trusted (expired, wrong name, changed, unknown).</exception>
    /// <exception cref="ParleyConnectionException">The server closed the connection, the TLS handshake failed, or it did not greet with <c>HELLO</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParleyConnection> ConnectAsync(ParleyClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.ConnectTimeout}.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Stream transport = new NetworkStream(socket, ownsSocket: true);
        TlsSessionInfo? tls = null;
        if (options.Tls is { } tlsOptions)
        {
            try
            {
                (transport, tls) = await AuthenticateAsync(transport, options, tlsOptions, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No TLS handshake with {options.Host}:{options.Port} within {options.ConnectTimeout}.");
            }
        }

        var connection = await StartAsync(transport, options, timeout.Token, cancellationToken);
        connection.Tls = tls;
        return connection;
    }

    /// <summary>
    /// Runs the protocol over an already open stream (for example an <c>SslStream</c>) and waits for the
    /// server's <c>HELLO</c>. The connection owns the stream from then on and disposes it.
    /// </summary>
    /// <param name="transport">A readable, writable stream connected to the server.</param>
    /// <param name="options">The limits to apply; <see cref="ParleyClientOptions.Host"/> and <see cref="ParleyClientOptions.Port"/> are not used.</param>
    /// <param name="cancellationToken">Cancels the wait for the greeting.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is invalid.</exception>
    /// <exception cref="TimeoutException">No greeting within <see cref="ParleyClientOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="ParleyConnectionException">The server closed the stream or did not greet with <c>HELLO</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ParleyConnection> OpenAsync(Stream transport, ParleyClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        return await StartAsync(transport, options, timeout.Token, cancellationToken);
    }

    private static async Task<ParleyConnection> StartAsync(
        Stream transport, ParleyClientOptions options, CancellationToken timeoutToken, CancellationToken cancellationToken)
    {
        var connection = new ParleyConnection(transport, options);
        try
        {
            connection._readLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            var hello = await connection._greeting.Task.WaitAsync(timeoutToken);
            connection.Greeting = hello.Text;
            connection._keepAlive = connection.KeepAliveLoopAsync();
            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"The server sent no greeting within {options.ConnectTimeout}.");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends one command line as typed (<c>/dm bob hi</c>, <c>@bob:hi</c>, <c>/users</c>, plain text to
    /// broadcast) and waits for its final reply.
    /// </summary>
    /// <param name="line">The line, without LF; must not be empty or only spaces (the server does not answer those).</param>
    /// <param name="cancellationToken">Stops waiting. The line may still be sent and answered; its reply is then discarded.</param>
    /// <returns>The final reply with any data lines before it; an <c>ERR</c> is a reply, not an exception.</returns>
    /// <exception cref="ArgumentException"><paramref name="line"/> is empty, blank, holds a CR or LF, or is not valid UTF-16.</exception>
    /// <exception cref="ParleyConnectionException">The connection closed before the reply came.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<CommandReply> SendCommandAsync(string line, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(line);
        if (line.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A command is one line: it must not contain CR or LF.", nameof(line));
        }

        byte[] bytes;
        try
        {
            bytes = Utf8.GetBytes(line + "\n");
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The line is not valid UTF-16 (lone surrogate).", nameof(line), ex);
        }

        var pending = new PendingCommand();
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            lock (_pendingLock)
            {
                if (_isClosed)
                {
                    throw new ParleyConnectionException("The connection is closed.", Error);
                }

                // Queued before the write, under the write lock, so queue order is wire order.
                _pending.Enqueue(pending);
            }

            try
            {
                // Not cancellable: half a line on the wire would break framing and FIFO matching.
                await _stream.WriteAsync(bytes, CancellationToken.None);
                await _stream.FlushAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                // The transport is broken: close, which fails this command and every other pending one.
                Close(ex);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Registers (or changes) this connection's nick with <c>/nick &lt;nick&gt;</c>.</summary>
    /// <param name="nick">1-32 ASCII letters, digits, <c>_</c> or <c>-</c>; the server checks.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <returns>The reply: <c>OK</c>, or <c>ERR</c> with <c>INVALID_NICK</c> or <c>NICK_TAKEN</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="nick"/> is empty or holds white space.</exception>
    /// <exception cref="ParleyConnectionException">The connection closed before the reply came.</exception>
    public Task<CommandReply> RegisterAsync(string nick, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nick);
        if (nick.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException("A nick holds no white space.", nameof(nick));
        }

        return SendCommandAsync("/nick " + nick, cancellationToken);
    }

    /// <summary>
    /// Certificate login: <c>/login</c> (or <c>/login &lt;nick&gt;</c>) without a password, over a TLS
    /// connection presenting a client certificate the account registered (<c>/cert add</c>).
    /// </summary>
    /// <param name="nick">The account expected, or <see langword="null"/> for whichever registered the certificate.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <returns>
    /// The reply: <c>OK logged in as &lt;nick&gt; (client certificate)</c> with stored messages as
    /// <see cref="ServerLineKind.Missed"/> data lines; or <c>ERR</c> with <c>NO_CLIENT_CERT</c>,
    /// <c>AUTH_FAILED</c> (not registered, or to another account), <c>RATE_LIMITED</c> or <c>ALREADY_LOGGED_IN</c>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="nick"/> is empty or holds white space.</exception>
    /// <exception cref="ParleyConnectionException">The connection closed before the reply came.</exception>
    public Task<CommandReply> LoginWithCertificateAsync(string? nick = null, CancellationToken cancellationToken = default)
    {
        if (nick is null)
        {
            return SendCommandAsync("/login", cancellationToken);
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(nick);
        if (nick.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException("A nick holds no white space.", nameof(nick));
        }

        return SendCommandAsync("/login " + nick, cancellationToken);
    }

    /// <summary>Logs in to an account with <c>/login &lt;nick&gt; &lt;password&gt;</c>.</summary>
    /// <param name="nick">The account's nick.</param>
    /// <param name="password">The password; it holds no white space (the server's rule).</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <returns>
    /// The reply: <c>OK</c>, with the messages stored while away as <see cref="ServerLineKind.Missed"/> data
    /// lines; or <c>ERR</c> with <c>AUTH_FAILED</c>, <c>RATE_LIMITED</c> or <c>ALREADY_LOGGED_IN</c>.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="nick"/> or <paramref name="password"/> is empty or holds white space.</exception>
    /// <exception cref="ParleyConnectionException">The connection closed before the reply came.</exception>
    public Task<CommandReply> LoginAsync(string nick, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nick);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        if (nick.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException("A nick holds no white space.", nameof(nick));
        }

        if (password.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException("A password holds no white space.", nameof(password));
        }

        return SendCommandAsync($"/login {nick} {password}", cancellationToken);
    }

    /// <summary>Leaves with <c>/quit [reason]</c>; the server answers <c>BYE</c> and closes.</summary>
    /// <param name="reason">Shown to the others; <see langword="null"/> or empty for none.</param>
    /// <param name="cancellationToken">Stops waiting for the reply.</param>
    /// <returns>The reply, normally <c>BYE</c>.</returns>
    /// <exception cref="ParleyConnectionException">The connection closed before the reply came.</exception>
    public Task<CommandReply> QuitAsync(string? reason = null, CancellationToken cancellationToken = default) =>
        SendCommandAsync(string.IsNullOrWhiteSpace(reason) ? "/quit" : "/quit " + reason, cancellationToken);

    /// <summary>
    /// Closes the connection without <c>/quit</c>; commands still waiting fail with
    /// <see cref="ParleyConnectionException"/>. Safe to call more than once.
    /// </summary>
    /// <returns>A task that completes when the read loop has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _shutdown.CancelAsync();
        await _stream.DisposeAsync();
        await _readLoop;
        await _keepAlive;
        Close(null);
        _shutdown.Dispose();
    }
}
