using System.Diagnostics.Metrics;

namespace Parley.Core.Metrics;

/// <summary>
/// The chat core's instruments, on the meter <c>Parley.Chat</c>: messages and their deliveries by
/// kind, fan-out sizes, and login outcomes. The host exports every <c>Parley.*</c> meter.
/// </summary>
/// <remarks>
/// Thread-safe. Recording allocates nothing: the tags are cached <see cref="KeyValuePair{TKey,TValue}"/>s
/// and the one-tag overloads take them by value. Without a listener an instrument is a no-op.
/// Process-wide (static): servers in one process (tests) share the counts.
/// </remarks>
public static class ChatMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Parley.Chat";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Messages = Meter.CreateCounter<long>(
        "parley.messages", "{message}", "Messages sent, by kind (direct, notice, broadcast, room).");

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "parley.deliveries", "{delivery}", "Messages handed to recipients' sessions, by kind; a broadcast to 100 counts 100.");

    private static readonly Histogram<int> FanOut = Meter.CreateHistogram<int>(
        "parley.fanout", "{recipient}", "Recipients of one message, by kind.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 5, 10, 50, 100, 500, 1000, 5000] });

    private static readonly Counter<long> Logins = Meter.CreateCounter<long>(
        "parley.logins", "{login}", "Password and certificate logins, by result (success, failure, throttled).");

    private static readonly KeyValuePair<string, object?> DirectKind = new("kind", "direct");
    private static readonly KeyValuePair<string, object?> NoticeKind = new("kind", "notice");
    private static readonly KeyValuePair<string, object?> BroadcastKind = new("kind", "broadcast");
    private static readonly KeyValuePair<string, object?> RoomKind = new("kind", "room");
    private static readonly KeyValuePair<string, object?> LoginSuccess = new("result", "success");
    private static readonly KeyValuePair<string, object?> LoginFailure = new("result", "failure");
    private static readonly KeyValuePair<string, object?> LoginThrottled = new("result", "throttled");

    /// <summary>Counts a direct message (or notice) and the sessions it was handed to now (0 when stored for later).</summary>
    internal static void DirectSent(bool notice, int deliveries) => Sent(notice ? NoticeKind : DirectKind, deliveries);

    /// <summary>Counts a broadcast and the nicks it was handed to.</summary>
    internal static void BroadcastSent(int deliveries) => Sent(BroadcastKind, deliveries);

    /// <summary>Counts a room message and the other members it was handed to.</summary>
    internal static void RoomMessageSent(int deliveries) => Sent(RoomKind, deliveries);

    /// <summary>Counts a successful login.</summary>
    internal static void LoginSucceeded() => Logins.Add(1, LoginSuccess);

    /// <summary>Counts a login refused for a wrong nick, password or certificate.</summary>
    internal static void LoginFailed() => Logins.Add(1, LoginFailure);

    /// <summary>Counts a login refused without a check because of earlier failures.</summary>
    internal static void LoginThrottledOnce() => Logins.Add(1, LoginThrottled);

    private static void Sent(KeyValuePair<string, object?> kind, int deliveries)
    {
        Messages.Add(1, kind);
        Deliveries.Add(deliveries, kind);
        FanOut.Record(deliveries, kind);
    }
}
