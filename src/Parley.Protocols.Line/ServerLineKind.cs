namespace Parley.Protocols.Line;

/// <summary>
/// The kind of a line the server sends, named by its first token (see <c>docs/protocol.md</c>,
/// "Server to client").
/// </summary>
public enum ServerLineKind
{
    /// <summary>A line that names no known kind or is malformed for its kind; see <see cref="ServerLine.Raw"/>.</summary>
    Unknown = 0,

    /// <summary><c>HELLO &lt;text&gt;</c>: the greeting, the first line on every connection.</summary>
    Hello,

    /// <summary><c>OK &lt;text&gt;</c>: final reply, the command succeeded.</summary>
    Ok,

    /// <summary><c>ERR &lt;CODE&gt; &lt;text&gt;</c>: final reply, the command was refused.</summary>
    Error,

    /// <summary><c>DM &lt;from&gt;: &lt;text&gt;</c>: a direct message to this client.</summary>
    Direct,

    /// <summary><c>BM &lt;from&gt;: &lt;text&gt;</c>: a broadcast.</summary>
    Broadcast,

    /// <summary><c>SYS &lt;text&gt;</c>: a system notice (joined, left, dropped, renamed, shutdown).</summary>
    System,

    /// <summary><c>USERS &lt;nick&gt;...</c>: the data line of <c>/users</c>.</summary>
    Users,

    /// <summary><c>HELP &lt;text&gt;</c>: a data line of <c>/help</c>, one per command.</summary>
    Help,

    /// <summary><c>BYE &lt;text&gt;</c>: the last line before the server closes the connection.</summary>
    Bye,

    /// <summary><c>RM #room &lt;from&gt;: &lt;text&gt;</c>: a message said in a room you are in.</summary>
    RoomMessage,

    /// <summary>
    /// <c>ECHO &lt;id&gt; &lt;utc&gt; &lt;from&gt; -&gt; &lt;to&gt;: &lt;text&gt;</c>: your own message, where <c>to</c> is a
    /// nick, <c>*</c> or a <c>#room</c>: a room message back to the connection that said it, or what your account
    /// sent from another connection.
    /// </summary>
    Echo,

    /// <summary><c>ROOM #room &lt;text&gt;</c>: a notice about a room (joins, parts, kicks, topic, modes, invites).</summary>
    RoomNotice,

    /// <summary><c>TOPIC #room &lt;setter&gt; &lt;time&gt; &lt;text&gt;</c>: data line of <c>/join</c> and <c>/topic</c>.</summary>
    Topic,

    /// <summary><c>MEMBERS #room &lt;prefixed nick&gt;...</c>: data line of <c>/join</c> and <c>/who</c>.</summary>
    Members,

    /// <summary>
    /// <c>HIST &lt;id&gt; &lt;utc&gt; &lt;from&gt; -&gt; &lt;to&gt;: &lt;text&gt;</c>: a stored message, where <c>to</c> is a
    /// nick, <c>*</c> or a <c>#room</c>; data line of <c>/history</c> and <c>/join</c>.
    /// </summary>
    History,

    /// <summary>
    /// <c>MISSED &lt;id&gt; &lt;utc&gt; &lt;from&gt; -&gt; &lt;to&gt;: &lt;text&gt;</c>: a direct message stored while you were
    /// offline; data line of a login and <c>/missed</c>.
    /// </summary>
    Missed,

    /// <summary><c>LIST #room &lt;members&gt; &lt;topic&gt;</c>: data line of <c>/rooms</c>.</summary>
    RoomList,

    /// <summary><c>BAN #room &lt;mask&gt; &lt;setter&gt; &lt;time&gt;</c>: data line of <c>/ban #room</c>.</summary>
    Ban,

    /// <summary><c>SERVERBAN &lt;mask&gt; &lt;setter&gt; &lt;time&gt; &lt;reason&gt;</c>: data line of <c>/serverban</c>.</summary>
    ServerBan,

    /// <summary><c>CERT &lt;fingerprint&gt; &lt;time&gt; [label]</c>: data line of <c>/cert list</c>.</summary>
    Certificate,

    /// <summary><c>STATS &lt;series&gt; &lt;value&gt;</c>: data line of <c>/stats</c> (server operators), one per metric series.</summary>
    Stats,
}
