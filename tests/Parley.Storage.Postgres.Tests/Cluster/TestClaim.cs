using Parley.Core.Cluster;

namespace Parley.Storage.Postgres.Tests.Cluster;

/// <summary>A claim as a hub makes one (the hub's own are its online holders).</summary>
internal sealed class TestClaim(string nick, long? accountId = null, string? accountName = null) : NickClaim(nick, accountId, accountName ?? (accountId is null ? null : nick));
