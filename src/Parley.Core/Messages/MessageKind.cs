namespace Parley.Core.Messages;

/// <summary>What a stored message is. Persisted: never renumber.</summary>
public enum MessageKind
{
    /// <summary>A direct message to one nick.</summary>
    Direct = 1,

    /// <summary>A broadcast to everyone online.</summary>
    Broadcast = 2,
}
