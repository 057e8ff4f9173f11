namespace Parley.FrontEnds.Irc;

/// <summary>User mode <c>+w</c> (WALLOPS) and sending a line formatted once for many connections.</summary>
internal sealed partial class IrcConnection
{
    private volatile bool _wallops;

    /// <summary>User mode +w: receives WALLOPS. Read by other connections' WALLOPS.</summary>
    public bool Wallops
    {
        get => _wallops;
        set => _wallops = value;
    }

    /// <summary>
    /// Drops server-operator rights gained with OPER (<c>MODE nick -o</c>); false when there were
    /// none to drop (a session logged in to an operator account stays an operator).
    /// </summary>
    public bool DropOperator() => Hub.DropOperator(Session);

    /// <summary>Queues bytes formatted once and shared by many connections (WALLOPS); any thread, never blocks.</summary>
    public void SendShared(ReadOnlyMemory<byte> bytes)
    {
        if (Volatile.Read(ref _closing) == 0)
            Enqueue(bytes);
    }
}
