using Microsoft.Extensions.Logging;

namespace Parley.Server.Connections;

/// <summary>
/// Logs refusals without letting a flood flood the log: the first refusal at once, then at most
/// one summary line per <see cref="AdmissionOptions.RefusalLogInterval"/> with the count since the
/// last one; "full" and "accepting again" once each per episode at the server-wide cap.
/// </summary>
/// <remarks>Thread-safe (interlocked counters and a compare-and-swap on the next report time).</remarks>
internal sealed class RefusalReporter(AdmissionOptions options, ConnectionAdmission admission, TimeProvider time, ILogger logger)
{
    private readonly LogGate _gate = new(options.RefusalLogInterval, time);
    private long _pending;
    private int _full;

    /// <summary>Counts a refusal and logs when a report is due.</summary>
    public void Refused(System.Net.IPAddress address, string listener, AdmissionVerdict reason)
    {
        if (reason == AdmissionVerdict.ServerFull && Interlocked.Exchange(ref _full, 1) == 0)
            ConnectionsLog.Full(logger, admission.MaxConnections);
        Interlocked.Increment(ref _pending);
        if (!_gate.TryPass())
            return;
        ConnectionsLog.Refused(logger, Interlocked.Exchange(ref _pending, 0), address.ToString(), listener, reason, admission.Open, admission.MaxConnections);
    }

    /// <summary>
    /// Notes an admitted connection. A "full" episode ends, logged once, when the open connections
    /// are down to 90% of the cap: with no hysteresis, a server kept at its cap would log "full" and
    /// "accepting again" on every close.
    /// </summary>
    public void Admitted()
    {
        if (Volatile.Read(ref _full) == 0)
            return;
        var max = admission.MaxConnections;
        if (admission.Open <= max - Math.Max(1, max / 10) && Interlocked.Exchange(ref _full, 0) != 0)
            ConnectionsLog.NoLongerFull(logger, admission.Open, admission.MaxConnections);
    }
}
