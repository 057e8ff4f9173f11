namespace Parley.FrontEnds.Connections;

/// <summary>
/// Flood control for each connection (configuration section <c>Parley:Limits:Flood</c>): a token
/// bucket that every command but <c>/quit</c> draws one token from.
/// </summary>
public sealed record FloodOptions
{
    /// <summary>
    /// Tokens refilled per second: the sustained command rate. Defaults to 10, generous for a
    /// person typing (IRC servers allow about 1 per 2 s sustained). 0 disables flood control.
    /// </summary>
    public double MessagesPerSecond { get; init; } = 10;

    /// <summary>
    /// Bucket size: how many commands may come at once after a quiet spell (a paste, a script
    /// joining its rooms). Defaults to 20.
    /// </summary>
    public int Burst { get; init; } = 20;

    /// <summary>
    /// Refused commands within <see cref="RefusalWindow"/> after which the connection is closed as
    /// abusive (<c>BYE flooding</c>). Defaults to 50: a client that ignores 50 <c>ERR FLOOD</c>
    /// replies in 10 s is not a person. 0 never disconnects.
    /// </summary>
    public int DisconnectAfterRefusals { get; init; } = 50;

    /// <summary>The window over which refusals are counted. Defaults to 10 s.</summary>
    public TimeSpan RefusalWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when flood control is on (<see cref="MessagesPerSecond"/> above 0).</summary>
    public bool IsEnabled => MessagesPerSecond > 0;

    /// <summary>Checks the values; called at start-up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (double.IsNaN(MessagesPerSecond) || MessagesPerSecond < 0 || MessagesPerSecond > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(MessagesPerSecond), MessagesPerSecond, "must be 0 (off) to 1,000,000");
        ArgumentOutOfRangeException.ThrowIfLessThan(Burst, 1, nameof(Burst));
        ArgumentOutOfRangeException.ThrowIfNegative(DisconnectAfterRefusals, nameof(DisconnectAfterRefusals));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RefusalWindow, TimeSpan.Zero, nameof(RefusalWindow));
    }
}
