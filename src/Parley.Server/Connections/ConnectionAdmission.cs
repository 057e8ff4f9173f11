using System.Collections.Concurrent;
using System.Net;
using System.Threading.RateLimiting;

namespace Parley.Server.Connections;

/// <summary>
/// Counts open connections, server-wide and per <see cref="AddressGroup"/>, and decides whether a
/// new one may in (<see cref="AdmissionOptions"/>). One instance serves every listener, so the
/// caps are across protocols: 16 line connections and 16 IRC ones from an address are 32.
/// </summary>
/// <remarks>
/// Thread-safe and lock-free: an interlocked total, a concurrent dictionary of per-address counts
/// (an entry lives while its address has a connection open) and a partitioned sliding-window
/// limiter for new connections (System.Threading.RateLimiting drops idle windows itself).
/// </remarks>
internal sealed class ConnectionAdmission : IDisposable
{
    private readonly ConcurrentDictionary<AddressGroup, int> _perAddress = new();
    private AdmissionOptions _options;
    private NetworkList _exempt;
    private PartitionedRateLimiter<AddressGroup>? _newPerAddress;
    private int _open;
    private int _maxConnections;
    private int _sockets;

    /// <param name="options">The validated options.</param>
    /// <param name="maxConnections">The server-wide cap in force (configured or derived).</param>
    public ConnectionAdmission(AdmissionOptions options, int maxConnections)
    {
        _options = options;
        _maxConnections = maxConnections;
        _exempt = new NetworkList(options.ExemptNetworks);
        _newPerAddress = CreateNewConnectionLimiter(options);
    }

    /// <summary>
    /// Takes new per-address caps and exemptions (a configuration reload) for the connections that
    /// come after it; open connections are not closed. The new-connection windows start afresh
    /// only when <see cref="AdmissionOptions.MaxNewConnectionsPerAddress"/> or
    /// <see cref="AdmissionOptions.NewConnectionWindow"/> changed. The server-wide cap is
    /// <see cref="MaxConnections"/>, set apart.
    /// </summary>
    /// <param name="options">The new options, already validated.</param>
    public void Reconfigure(AdmissionOptions options)
    {
        var old = _options;
        Volatile.Write(ref _exempt, new NetworkList(options.ExemptNetworks));
        PartitionedRateLimiter<AddressGroup>? retired = null;
        if (options.MaxNewConnectionsPerAddress != old.MaxNewConnectionsPerAddress || options.NewConnectionWindow != old.NewConnectionWindow)
            retired = Interlocked.Exchange(ref _newPerAddress, CreateNewConnectionLimiter(options));
        Volatile.Write(ref _options, options);
        // An admission racing with this may still hold the old limiter: TryAdmit lets it through.
        retired?.Dispose();
    }

    /// <summary>
    /// Accepted sockets allowed beyond <see cref="MaxConnections"/>: those being refused (a refusal
    /// holds its descriptor until Kestrel has sent the reason and closed it). 32. At
    /// <see cref="MaxConnections"/> + this many sockets the accept loops pause, so the descriptors
    /// in use never exceed what the cap was derived from, whatever the flood (a flood that ran the
    /// process out of descriptors during its first connections made the runtime cache failed
    /// assembly loads, breaking every later connection: seen under <c>prlimit --nofile=256</c>).
    /// </summary>
    public const int RefusalsInFlight = 32;

    /// <summary>The server-wide cap in force; the host sets the derived one again once started.</summary>
    public int MaxConnections
    {
        get => Volatile.Read(ref _maxConnections);
        set => Volatile.Write(ref _maxConnections, value);
    }

    /// <summary>Whether an accept loop may take one more socket (see <see cref="RefusalsInFlight"/>).</summary>
    public bool HasRoomForSocket => Volatile.Read(ref _sockets) < MaxConnections + RefusalsInFlight;

    /// <summary>Accepted sockets whose descriptor is still open: admitted connections and refusals in flight.</summary>
    public int Sockets => Volatile.Read(ref _sockets);

    /// <summary>Counts an accepted socket, until its descriptor is closed (<see cref="SocketClosed"/>).</summary>
    public void SocketOpened() => Interlocked.Increment(ref _sockets);

    /// <summary>Counts a socket's descriptor closed.</summary>
    public void SocketClosed() => Interlocked.Decrement(ref _sockets);

    /// <summary>Connections admitted and not yet released.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Whether <paramref name="address"/> skips the per-address caps (loopback when exempt, <see cref="AdmissionOptions.ExemptNetworks"/>).</summary>
    public bool IsExempt(IPAddress address) =>
        (Volatile.Read(ref _options).ExemptLoopback && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)) || Volatile.Read(ref _exempt).Contains(address);

    /// <summary>Decides on a new connection from <paramref name="address"/>; an admitted one must be released once.</summary>
    /// <param name="address">The client's address (behind a load balancer, the one its PROXY header gave).</param>
    /// <param name="ticket">What <see cref="Release"/> needs; meaningful only when admitted.</param>
    public AdmissionVerdict TryAdmit(IPAddress address, out AdmissionTicket ticket)
    {
        ticket = default;
        if (Interlocked.Increment(ref _open) > MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            return AdmissionVerdict.ServerFull;
        }

        if (IsExempt(address))
        {
            ticket = new AdmissionTicket(default, Counted: false);
            return AdmissionVerdict.Admitted;
        }

        // One read of the options per admission: a reload in between must not split the decision.
        var options = Volatile.Read(ref _options);
        var counted = options.MaxConnectionsPerAddress > 0;
        var group = AddressGroup.Of(address);
        if (counted && !TryIncrement(group, options.MaxConnectionsPerAddress))
        {
            Interlocked.Decrement(ref _open);
            return AdmissionVerdict.TooManyFromAddress;
        }

        if (Volatile.Read(ref _newPerAddress) is { } limiter && !TryAcquireNew(limiter, group))
        {
            if (counted)
                Decrement(group);
            Interlocked.Decrement(ref _open);
            return AdmissionVerdict.TooManyNewFromAddress;
        }

        ticket = new AdmissionTicket(group, counted);
        return AdmissionVerdict.Admitted;
    }

    /// <summary>Gives back an admitted connection's place.</summary>
    public void Release(AdmissionTicket ticket)
    {
        if (ticket.Counted)
            Decrement(ticket.Group);
        Interlocked.Decrement(ref _open);
    }

    public void Dispose() => _newPerAddress?.Dispose();

    private static PartitionedRateLimiter<AddressGroup>? CreateNewConnectionLimiter(AdmissionOptions options) =>
        options.MaxNewConnectionsPerAddress <= 0 ? null : PartitionedRateLimiter.Create<AddressGroup, AddressGroup>(group => RateLimitPartition.GetSlidingWindowLimiter(group, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.MaxNewConnectionsPerAddress,
            Window = options.NewConnectionWindow,
            // Ten segments: a permit comes back within a tenth of the window of its expiry.
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static bool TryAcquireNew(PartitionedRateLimiter<AddressGroup> limiter, AddressGroup group)
    {
        try
        {
            using var lease = limiter.AttemptAcquire(group);
            return lease.IsAcquired;
        }
        catch (ObjectDisposedException)
        {
            // Retired by a reload this instant; its successor counts from the next connection.
            return true;
        }
    }

    private bool TryIncrement(AddressGroup group, int max)
    {
        while (true)
        {
            if (_perAddress.TryGetValue(group, out var count))
            {
                if (count >= max)
                    return false;
                if (_perAddress.TryUpdate(group, count + 1, count))
                    return true;
            }
            else if (_perAddress.TryAdd(group, 1))
            {
                return true;
            }
        }
    }

    private void Decrement(AddressGroup group)
    {
        while (_perAddress.TryGetValue(group, out var count))
        {
            // The last connection removes the entry, so the table holds only addresses with connections.
            if (count <= 1 ? _perAddress.TryRemove(KeyValuePair.Create(group, count)) : _perAddress.TryUpdate(group, count - 1, count))
                return;
        }
    }
}
