namespace Parley.Core.Cluster;

/// <summary>
/// One room as a node announces it to the others when a node (re)joins the cluster: its settings
/// and the node's own members of it. Immutable data.
/// </summary>
/// <param name="Name">The room's name.</param>
/// <param name="Settings">Its settings.</param>
/// <param name="Members">The announcing node's members, once per nick with the joined rights of its sessions.</param>
public sealed record RoomReplicaState(string Name, RoomSettings Settings, RemoteMember[] Members);
