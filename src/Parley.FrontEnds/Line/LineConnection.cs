using System.Buffers;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging;
using Parley.Core.Events;
using Parley.Core.Presence;
using Parley.Core.Rooms;
using Parley.Core.Sessions;
using Parley.FrontEnds.Connections;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// One line-protocol connection: a read loop that frames, parses and dispatches lines in order,
/// and a write loop that drains the bounded <see cref="Outbox"/>. It is the session's sink.
/// </summary>
/// <remarks>
/// Commands run on the read loop only. <see cref="Deliver"/>, <see cref="Close"/> and
/// <see cref="Reply"/> may be called from any thread and never block.
/// </remarks>
internal sealed class LineConnection : ISessionSink
{
    private readonly IDuplexPipe _transport;
    private readonly LineFrontEnd _frontEnd;
    private readonly Action _abort;
    private readonly Outbox _outbox;
    private readonly LineFramer _framer = new();
    private readonly ChatSession _session;
    private readonly FloodGate? _flood;
    private int _closing;
    private string? _closeReason;

    public LineConnection(IDuplexPipe transport, LineFrontEnd frontEnd, string remoteAddress, ConnectionSecurity security, Action abort)
    {
        _transport = transport;
        _frontEnd = frontEnd;
        _abort = abort;
        _outbox = new Outbox(frontEnd.Limits.MaxOutboundBytes);
        _flood = frontEnd.Limits.Flood.IsEnabled ? new FloodGate(frontEnd.Limits.Flood, frontEnd.Time) : null;
        _session = frontEnd.Hub.Connect(this, remoteAddress, security);
    }

    public ChatSession Session => _session;

    public ChatHub Hub => _frontEnd.Hub;

    public RoomHub Rooms => _frontEnd.Hub.Rooms;

    public ILogger Logger => _frontEnd.Logger;

    /// <summary>Runs the connection until either side closes it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        FrontEndLog.Opened(Logger, _session.Id, _session.RemoteAddress);
        var writer = WriteLoopAsync(cancellationToken);
        Reply(_frontEnd.Greeting);
        var timeout = _frontEnd.Limits.RegistrationTimeout;
        await using var registrationTimer = _frontEnd.Time.CreateTimer(
            static state => ((LineConnection)state!).OnRegistrationTimeout(), this, timeout, Timeout.InfiniteTimeSpan);

        var reason = "connection closed";
        try
        {
            await ReadLoopAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            FrontEndLog.TransportError(Logger, _session.Id, e);
            reason = "connection lost";
        }
        finally
        {
            reason = Volatile.Read(ref _closeReason) ?? reason;
            Hub.Disconnect(_session, reason);
            FrontEndLog.Closed(Logger, _session.Id, _session.Nick, reason);
            _outbox.Complete();
            await writer;
            await _transport.Input.CompleteAsync();
            _flood?.Dispose();
        }
    }

    /// <summary>Queues a reply to this connection alone.</summary>
    public void Reply(byte[] line)
    {
        if (!_outbox.TryEnqueue(line))
            OnOutboxOverflow();
    }

    /// <inheritdoc />
    public void Deliver(ChatEvent chatEvent)
    {
        if (Volatile.Read(ref _closing) != 0)
            return;
        if (!_outbox.TryEnqueue(chatEvent.GetBytes(LineEventEncoder.Instance)))
            OnOutboxOverflow();
    }

    /// <inheritdoc />
    public void Close(string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, reason);
        _outbox.TryEnqueue(LineWriter.Bye(reason));
        _outbox.Complete();
    }

    /// <summary>Called by the nick command on first registration.</summary>
    public void OnRegistered() =>
        FrontEndLog.Registered(Logger, _session.Id, _session.RemoteAddress, _session.Nick ?? "");

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var input = _transport.Input;
        while (Volatile.Read(ref _closing) == 0)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            try
            {
                while (Volatile.Read(ref _closing) == 0)
                {
                    var status = _framer.TryReadLine(ref buffer, out var line);
                    if (status == LineFrameStatus.NeedMoreData)
                        break;
                    if (status == LineFrameStatus.LineTooLong)
                    {
                        Reply(LineWriter.Error(LineErrorCodes.LineTooLong, $"lines are at most {_framer.MaxLineBytes} bytes"));
                        continue;
                    }

                    var parsed = Parse(line, out var request);
                    if (parsed == LineParseError.None)
                    {
                        if (AdmitCommand(request))
                            await _frontEnd.Commands.DispatchAsync(this, request);
                    }
                    else if (parsed != LineParseError.Empty)
                    {
                        Reply(ErrorFor(parsed));
                    }
                }

                if (result.IsCompleted || result.IsCanceled)
                    return;
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    // Flood control: every command but /quit takes a token. Refused commands get ERR FLOOD (their
    // one final reply); a connection refused too often in a short window is closed with BYE.
    private bool AdmitCommand(in LineRequest request)
    {
        if (_flood is null || request.Command == "quit")
            return true;
        switch (_flood.Check(out var retryAfter))
        {
            case FloodVerdict.Allowed:
                return true;
            case FloodVerdict.Refused:
                var wait = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalMilliseconds));
                Reply(LineWriter.Error(LineErrorCodes.Flood, $"slow down; retry in {wait} ms"));
                return false;
            default:
                var flood = _frontEnd.Limits.Flood;
                FrontEndLog.Flooding(Logger, _session.Id, _session.Nick, _session.RemoteAddress, flood.DisconnectAfterRefusals, flood.RefusalWindow);
                Close("flooding");
                return false;
        }
    }

    private static LineParseError Parse(in ReadOnlySequence<byte> line, out LineRequest request)
    {
        if (line.IsSingleSegment)
            return LineRequestParser.TryParse(line.FirstSpan, out request);

        // A line split across pipe segments: copy it (at most MaxLineBytes) to parse it whole.
        var rented = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            line.CopyTo(rented);
            return LineRequestParser.TryParse(rented.AsSpan(0, (int)line.Length), out request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static byte[] ErrorFor(LineParseError error) => error switch
    {
        LineParseError.InvalidUtf8 => LineWriter.Error(LineErrorCodes.InvalidUtf8, "lines must be valid UTF-8"),
        LineParseError.ControlCharacter => LineWriter.Error(LineErrorCodes.Syntax, "control characters (CR, ESC, NUL...) are not allowed"),
        _ => LineWriter.Error(LineErrorCodes.Syntax, "malformed line; use @<nick>:<text> or /help"),
    };

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await _outbox.DrainAsync(_transport.Output, cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException or Microsoft.AspNetCore.Connections.ConnectionResetException)
        {
            FrontEndLog.TransportError(Logger, _session.Id, e);
        }
        finally
        {
            // Everything queued is written (or the peer is gone): stop reading too.
            _transport.Input.CancelPendingRead();
            await _transport.Output.CompleteAsync();
        }
    }

    private void OnRegistrationTimeout()
    {
        if (_session.IsRegistered || Volatile.Read(ref _closing) != 0)
            return;
        FrontEndLog.RegistrationTimedOut(Logger, _session.Id, _session.RemoteAddress, _frontEnd.Limits.RegistrationTimeout);
        Close("registration timed out");
    }

    private void OnOutboxOverflow()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
            return;
        Volatile.Write(ref _closeReason, "too slow to read");
        FrontEndLog.SlowConsumer(Logger, _session.Id, _session.Nick, _session.RemoteAddress, _frontEnd.Limits.MaxOutboundBytes);
        _outbox.Complete();
        // The peer is not reading, so a polite close would wait forever: drop the transport now.
        _abort();
        _transport.Input.CancelPendingRead();
    }
}
