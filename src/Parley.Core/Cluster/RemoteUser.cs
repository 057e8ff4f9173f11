using Parley.Core.Events;

namespace Parley.Core.Cluster;

/// <summary>
/// A user online on another node, as this node's <see cref="ClusterDirectory"/> knows it from that
/// node's announcements: what WHO, WHOIS, NAMES and <c>/users</c> show of it. Immutable data (it
/// crosses between nodes as JSON); a change replaces the record.
/// </summary>
/// <param name="Nick">The nick as shown.</param>
/// <param name="UserName">The user name (IRC's ident), or the nick.</param>
/// <param name="Host">The host shown (a cloak, never an address).</param>
/// <param name="RealName">The real name, or the nick.</param>
public sealed record RemoteUser(string Nick, string UserName, string Host, string RealName)
{
    /// <summary>The node that hosts the user's session(s): its <c>Parley:Cluster:NodeName</c>. Set by the receiving node.</summary>
    public string Node { get; init; } = "";

    /// <summary>The signed-in account's name, or null for a guest.</summary>
    public string? Account { get; init; }

    /// <summary>The away message, or null when present.</summary>
    public string? Away { get; init; }

    /// <summary>True for a bot (IRC's <c>+B</c>).</summary>
    public bool IsBot { get; init; }

    /// <summary>True for a server operator.</summary>
    public bool IsOperator { get; init; }

    /// <summary>True when connected over TLS.</summary>
    public bool IsSecure { get; init; }

    /// <summary><c>user@host</c> as events carry it (not sent between nodes: made from the two).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public UserAddress Address => new(UserName, Host);
}
