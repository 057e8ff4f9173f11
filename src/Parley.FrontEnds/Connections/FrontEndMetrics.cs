using System.Diagnostics.Metrics;

namespace Parley.FrontEnds.Connections;

/// <summary>
/// The front-ends' instruments, on the meter <c>Parley.FrontEnds</c>: outbound bytes, slow-consumer
/// drops, flood refusals and registration latency, each tagged with the protocol (<c>line</c>,
/// <c>irc</c>). The host exports every <c>Parley.*</c> meter.
/// </summary>
/// <remarks>
/// Thread-safe and allocation-free: tags are cached, outbound bytes are counted once per write
/// batch (not per message). Process-wide (static): servers in one process (tests) share the counts.
/// </remarks>
internal static class FrontEndMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Parley.FrontEnds";

    /// <summary>The tag of line-protocol connections.</summary>
    public static readonly KeyValuePair<string, object?> Line = new("protocol", "line");

    /// <summary>The tag of IRC connections.</summary>
    public static readonly KeyValuePair<string, object?> Irc = new("protocol", "irc");

    private static readonly Meter Meter = new(MeterName);

    /// <summary>The tag of <paramref name="protocol"/>; none (the default pair) for <see cref="FrontEndProtocol.None"/>.</summary>
    public static KeyValuePair<string, object?> TagOf(FrontEndProtocol protocol) => protocol switch
    {
        FrontEndProtocol.Line => Line,
        FrontEndProtocol.Irc => Irc,
        _ => default,
    };

    private static readonly Counter<long> OutboundBytes = Meter.CreateCounter<long>(
        "parley.outbox.written", "By", "Bytes written from connections' outboxes to their transports.");

    private static readonly Counter<long> SlowConsumers = Meter.CreateCounter<long>(
        "parley.slow_consumer.drops", "{connection}", "Connections dropped because their outbox passed MaxOutboundBytes.");

    private static readonly Counter<long> FloodRefusals = Meter.CreateCounter<long>(
        "parley.flood.refusals", "{command}", "Commands refused (line), delayed (IRC fakelag) or disconnected for flooding.");

    private static readonly Histogram<double> RegistrationDuration = Meter.CreateHistogram<double>(
        "parley.registration.duration", "s", "Time from connect to a registered nick (guest, login or SASL).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60] });

    private static readonly KeyValuePair<string, object?> Refused = new("outcome", "refused");
    private static readonly KeyValuePair<string, object?> Delayed = new("outcome", "delayed");
    private static readonly KeyValuePair<string, object?> Disconnected = new("outcome", "disconnected");

    /// <summary>Counts bytes one write batch handed to a transport.</summary>
    public static void Written(long bytes, KeyValuePair<string, object?> protocol)
    {
        if (bytes > 0)
            OutboundBytes.Add(bytes, protocol);
    }

    /// <summary>Counts a connection dropped as a slow consumer.</summary>
    public static void SlowConsumerDropped(KeyValuePair<string, object?> protocol) => SlowConsumers.Add(1, protocol);

    /// <summary>Counts a command refused by flood control (line protocol).</summary>
    public static void FloodRefused(KeyValuePair<string, object?> protocol) => FloodRefusals.Add(1, protocol, Refused);

    /// <summary>Counts a command held back by fakelag (IRC).</summary>
    public static void FloodDelayed(KeyValuePair<string, object?> protocol) => FloodRefusals.Add(1, protocol, Delayed);

    /// <summary>Counts a connection closed for flooding.</summary>
    public static void FloodDisconnected(KeyValuePair<string, object?> protocol) => FloodRefusals.Add(1, protocol, Disconnected);

    /// <summary>Records how long a connection took to register, from <paramref name="openedTimestamp"/> (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public static void Registered(TimeProvider time, long openedTimestamp, KeyValuePair<string, object?> protocol) =>
        RegistrationDuration.Record(time.GetElapsedTime(openedTimestamp).TotalSeconds, protocol);
}
