using System.Diagnostics;
using Parley.LoadGen.Connections;
using Parley.LoadGen.Measuring;
using Parley.LoadGen.Protocols;

namespace Parley.LoadGen.Running;

/// <summary>
/// Two clients outside the crowd measuring what the crowd costs an unrelated user: the asker sends
/// the answerer a DM every interval, the answerer sends it straight back, and the asker records the
/// round trip (issue 9's neighbour probe). Every probe has a slot, so a probe that never comes back
/// is counted as lost.
/// </summary>
/// <remarks>The send loop writes the send times; the asker's reader loop the round trips. Read <see cref="Samples"/> after both stopped.</remarks>
internal sealed class NeighbourProbe
{
    private readonly ProtocolAdapter _adapter;
    private readonly ClientConnection _asker;
    private readonly ClientConnection _answerer;
    private readonly long[] _sentTicks;
    private readonly long[] _roundTripNs;
    private int _count;
    private long _lastRoundTripNs = -1;

    /// <summary>A probe between <paramref name="asker"/> and <paramref name="answerer"/> with room for <paramref name="capacity"/> probes.</summary>
    public NeighbourProbe(ProtocolAdapter adapter, ClientConnection asker, ClientConnection answerer, int capacity)
    {
        _adapter = adapter;
        _asker = asker;
        _answerer = answerer;
        _sentTicks = new long[capacity];
        _roundTripNs = new long[capacity];
        Array.Fill(_roundTripNs, -1);
    }

    /// <summary>The latest round trip in milliseconds (NaN before the first), for the progress line.</summary>
    public double LastRoundTripMilliseconds
    {
        get
        {
            var ns = Volatile.Read(ref _lastRoundTripNs);
            return ns >= 0 ? ns / 1e6 : double.NaN;
        }
    }

    /// <summary>Probes sent so far.</summary>
    public int Sent => Volatile.Read(ref _count);

    /// <summary>True for the probe's two connections.</summary>
    public bool Owns(ClientConnection connection) => connection == _asker || connection == _answerer;

    /// <summary>Sends a probe every <paramref name="interval"/> until cancelled or out of slots.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 + PayloadToken.MaxTokenLength];
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (_count < _sentTicks.Length && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_asker.IsClosed)
                    break;
                var sequence = _count;
                var now = Stopwatch.GetTimestamp();
                var n = _adapter.WriteDirectPrefix(buffer, _answerer.Id);
                n += PayloadToken.Write(buffer.AsSpan(n), PayloadToken.ProbeMarker, _asker.Id, sequence, now, 0);
                _adapter.NewLine.CopyTo(buffer.AsSpan(n));
                n += _adapter.NewLine.Length;
                _sentTicks[sequence] = now;
                _count = sequence + 1;
                await _asker.SendAsync(buffer, n).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A line with a probe token arrived; <paramref name="afterMarker"/> is the line after the marker.</summary>
    public void OnProbeLine(ClientConnection connection, ReadOnlySpan<byte> afterMarker, long receivedTicks)
    {
        if (connection == _answerer)
        {
            var end = afterMarker.IndexOf((byte)'~');
            if (end < 0)
                return;
            var reply = new byte[64 + PayloadToken.MaxTokenLength];
            var n = _adapter.WriteDirectPrefix(reply, _asker.Id);
            PayloadToken.ProbeMarker.CopyTo(reply.AsSpan(n));
            n += PayloadToken.ProbeMarker.Length;
            afterMarker[..(end + 1)].CopyTo(reply.AsSpan(n));
            n += end + 1;
            _adapter.NewLine.CopyTo(reply.AsSpan(n));
            n += _adapter.NewLine.Length;
            _answerer.SendControl(reply.AsSpan(0, n).ToArray());
        }
        else if (connection == _asker
                 && PayloadToken.TryParse(afterMarker, out _, out var sequence, out var sentTicks)
                 && sequence < _sentTicks.Length
                 && _roundTripNs[sequence] < 0)
        {
            var roundTrip = (long)((receivedTicks - sentTicks) * (1e9 / Stopwatch.Frequency));
            _roundTripNs[sequence] = roundTrip;
            Volatile.Write(ref _lastRoundTripNs, roundTrip);
        }
    }

    /// <summary>True when every probe sent so far came back.</summary>
    public bool AllAnswered()
    {
        for (var i = 0; i < Sent; i++)
        {
            if (_roundTripNs[i] < 0)
                return false;
        }

        return true;
    }

    /// <summary>Every probe sent, in order.</summary>
    public ProbeSample[] Samples()
    {
        var samples = new ProbeSample[_count];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = new ProbeSample(_sentTicks[i], _roundTripNs[i]);
        return samples;
    }
}
