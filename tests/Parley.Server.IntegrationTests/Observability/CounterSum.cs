using System.Diagnostics.Metrics;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>Sums one <c>long</c> counter of one server's meter (other tests' servers have their own meters), from creation on.</summary>
internal sealed class CounterSum : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _value;

    public CounterSum(Meter meter, string instrumentName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == instrumentName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _value, value));
        _listener.Start();
    }

    /// <summary>The sum so far.</summary>
    public long Value => Interlocked.Read(ref _value);

    public void Dispose() => _listener.Dispose();
}
