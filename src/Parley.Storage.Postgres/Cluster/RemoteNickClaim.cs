using Parley.Core.Cluster;

namespace Parley.Storage.Postgres.Cluster;

/// <summary>A nick held on other nodes only, as this node's view of the nick space shows it: names, no sessions.</summary>
internal sealed class RemoteNickClaim(string nick, long? accountId, string? accountName) : NickClaim(nick, accountId, accountName)
{
    public bool SameAs(NickNotice notice) =>
        string.Equals(Nick, notice.Nick, StringComparison.Ordinal) && AccountId == notice.AccountId && string.Equals(AccountName, notice.AccountName, StringComparison.Ordinal);
}
