using System.Buffers;
using System.Text;
using Parley.Protocols.Line;

namespace Parley.Client;

/// <content>The read loop: frames lines, parses them, and routes them to commands or <see cref="Incoming"/>.</content>
public sealed partial class ParleyConnection
{
    private async Task ReadLoopAsync()
    {
        Exception? error = null;
        var framer = new LineFramer(_options.MaxLineBytes);
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_shutdown.Token);
                var buffer = result.Buffer;
                try
                {
                    while (true)
                    {
                        var status = framer.TryReadLine(ref buffer, out var bytes);
                        if (status == LineFrameStatus.NeedMoreData)
                        {
                            break;
                        }

                        if (status == LineFrameStatus.LineTooLong)
                        {
                            throw new ParleyConnectionException(
                                $"The server sent a line over {_options.MaxLineBytes} bytes; closing the connection.");
                        }

                        // Invalid UTF-8 from a server is shown with U+FFFD rather than dropped.
                        Dispatch(ServerLineParser.Parse(Encoding.UTF8.GetString(bytes)));
                    }

                    if (result.IsCompleted)
                    {
                        // The server closed. An unterminated last line is not a line: drop it.
                        break;
                    }
                }
                finally
                {
                    _reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            // Disposed: a clean close.
        }
        catch (Exception) when (Volatile.Read(ref _disposed) != 0)
        {
            // Disposed while reading: the stream was closed under us, a clean close.
        }
#pragma warning disable CA1031 // Deliberate guard: any failure of the loop must close the connection and fail pending commands, never hang them.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex;
        }
        finally
        {
            await _reader.CompleteAsync();
        }

        Close(error);
    }

    private void Dispatch(ServerLine line)
    {
        if (!_greeting.Task.IsCompleted)
        {
            if (line.Kind != ServerLineKind.Hello)
            {
                throw new ParleyConnectionException($"Expected a HELLO greeting, got: {line.Raw}");
            }

            _greeting.TrySetResult(line);
            return;
        }

        PendingCommand? completed = null;
        lock (_pendingLock)
        {
            if (line.IsDataLine && _pending.TryPeek(out var head))
            {
                head.AddData(line);
                return;
            }

            if (line.IsFinalReply)
            {
                _pending.TryDequeue(out completed);
            }
        }

        if (completed is not null)
        {
            completed.Complete(line);
        }
        else
        {
            _incoming.Writer.TryWrite(line);
        }
    }

    private void Close(Exception? error)
    {
        PendingCommand[] orphans;
        lock (_pendingLock)
        {
            if (_isClosed)
            {
                return;
            }

            _isClosed = true;
            Volatile.Write(ref _error, error);
            orphans = [.. _pending];
            _pending.Clear();
        }

        var reason = error is null
            ? new ParleyConnectionException("The connection closed before the server replied.")
            : new ParleyConnectionException($"The connection failed: {error.Message}", error);
        foreach (var orphan in orphans)
        {
            orphan.Completion.TrySetException(reason);
        }

        _greeting.TrySetException(reason);
        _incoming.Writer.TryComplete();
        _closed.TrySetResult();
    }
}
