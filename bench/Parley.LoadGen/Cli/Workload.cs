namespace Parley.LoadGen.Cli;

/// <summary>What the clients do once connected.</summary>
internal enum Workload
{
    /// <summary>Senders send direct messages to random other clients.</summary>
    Dm,

    /// <summary>Everyone joins one room; senders talk in it and every message fans out to all other members.</summary>
    Room,

    /// <summary>Connect, register, hold: memory per connection and registration latency.</summary>
    Idle,

    /// <summary>Everyone in one room leaves (at a rate, or at once), then as many new users arrive, while a neighbour probes its DM round trip.</summary>
    Churn,

    /// <summary>The join storm: everyone joins one room at once while a neighbour not in it probes its DM round trip.</summary>
    Storm,
}
