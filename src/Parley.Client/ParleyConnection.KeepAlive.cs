namespace Parley.Client;

public sealed partial class ParleyConnection
{
    private static readonly byte[] EmptyLine = "\n"u8.ToArray();

    // Sends an empty line (the protocol's keep-alive: the server answers nothing and counts it as
    // life) every KeepAliveInterval, so a server with an idle limit (Parley:Limits:IdleTimeout)
    // never drops a client whose user only reads. Ends when the connection closes.
    private async Task KeepAliveLoopAsync()
    {
        var interval = _options.KeepAliveInterval;
        if (interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var token = _shutdown.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(interval, _options.TimeProvider, token).ConfigureAwait(false);
                await _writeLock.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (IsClosedForWriting())
                    {
                        return;
                    }

                    await _stream.WriteAsync(EmptyLine, CancellationToken.None).ConfigureAwait(false);
                    await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closed or closing: the read loop reports how.
        }
    }

    private bool IsClosedForWriting()
    {
        lock (_pendingLock)
        {
            return _isClosed;
        }
    }
}
