using System.Diagnostics.CodeAnalysis;

namespace Parley.Protocols.Irc;

// Numerics of server queries, operators, WHOWAS and channel lists (modern.ircdocs.horse, "Numerics").
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Names as the IRC specs spell them.")]
public static partial class IrcNumerics
{
    /// <summary>212 <c>&lt;client&gt; &lt;command&gt; &lt;count&gt; [&lt;byte count&gt; &lt;remote count&gt;]</c>: STATS m, one line per command.</summary>
    public const string RPL_STATSCOMMANDS = "212";

    /// <summary>219 <c>&lt;client&gt; &lt;stats letter&gt; :End of /STATS report</c>.</summary>
    public const string RPL_ENDOFSTATS = "219";

    /// <summary>242 <c>&lt;client&gt; :Server Up &lt;days&gt; days &lt;hours&gt;:&lt;minutes&gt;:&lt;seconds&gt;</c>: STATS u.</summary>
    public const string RPL_STATSUPTIME = "242";

    /// <summary>243 <c>&lt;client&gt; O &lt;hostmask&gt; * &lt;name&gt;</c>: STATS o, one line per operator.</summary>
    public const string RPL_STATSOLINE = "243";

    /// <summary>256 <c>&lt;client&gt; [&lt;server&gt;] :Administrative info</c>.</summary>
    public const string RPL_ADMINME = "256";

    /// <summary>257 <c>&lt;client&gt; :&lt;info&gt;</c>: where the server is.</summary>
    public const string RPL_ADMINLOC1 = "257";

    /// <summary>258 <c>&lt;client&gt; :&lt;info&gt;</c>: who runs it.</summary>
    public const string RPL_ADMINLOC2 = "258";

    /// <summary>259 <c>&lt;client&gt; :&lt;info&gt;</c>: how to reach the administrator.</summary>
    public const string RPL_ADMINEMAIL = "259";

    /// <summary>265 <c>&lt;client&gt; [&lt;u&gt; &lt;m&gt;] :Current local users &lt;u&gt;, max &lt;m&gt;</c>.</summary>
    public const string RPL_LOCALUSERS = "265";

    /// <summary>266 <c>&lt;client&gt; [&lt;u&gt; &lt;m&gt;] :Current global users &lt;u&gt;, max &lt;m&gt;</c>.</summary>
    public const string RPL_GLOBALUSERS = "266";

    /// <summary>314 <c>&lt;client&gt; &lt;nick&gt; &lt;username&gt; &lt;host&gt; * :&lt;realname&gt;</c>: WHOWAS, one per past entry.</summary>
    public const string RPL_WHOWASUSER = "314";

    /// <summary>346 <c>&lt;client&gt; &lt;channel&gt; &lt;mask&gt; [&lt;who&gt; &lt;set-ts&gt;]</c>: the invite-exception list (+I).</summary>
    public const string RPL_INVITELIST = "346";

    /// <summary>347 <c>&lt;client&gt; &lt;channel&gt; :End of channel invite list</c>.</summary>
    public const string RPL_ENDOFINVITELIST = "347";

    /// <summary>348 <c>&lt;client&gt; &lt;channel&gt; &lt;mask&gt; [&lt;who&gt; &lt;set-ts&gt;]</c>: the ban-exception list (+e).</summary>
    public const string RPL_EXCEPTLIST = "348";

    /// <summary>349 <c>&lt;client&gt; &lt;channel&gt; :End of channel exception list</c>.</summary>
    public const string RPL_ENDOFEXCEPTLIST = "349";

    /// <summary>351 <c>&lt;client&gt; &lt;version&gt; &lt;server&gt; :&lt;comments&gt;</c>.</summary>
    public const string RPL_VERSION = "351";

    /// <summary>369 <c>&lt;client&gt; &lt;nick&gt; :End of WHOWAS</c>.</summary>
    public const string RPL_ENDOFWHOWAS = "369";

    /// <summary>371 <c>&lt;client&gt; :&lt;string&gt;</c>: one line of INFO.</summary>
    public const string RPL_INFO = "371";

    /// <summary>374 <c>&lt;client&gt; :End of INFO list</c>.</summary>
    public const string RPL_ENDOFINFO = "374";

    /// <summary>381 <c>&lt;client&gt; :You are now an IRC operator</c>.</summary>
    public const string RPL_YOUREOPER = "381";

    /// <summary>391 <c>&lt;client&gt; &lt;server&gt; [&lt;timestamp&gt; [&lt;TS offset&gt;]] :&lt;human-readable time&gt;</c>.</summary>
    public const string RPL_TIME = "391";

    /// <summary>402 <c>&lt;client&gt; &lt;server name&gt; :No such server</c>.</summary>
    public const string ERR_NOSUCHSERVER = "402";

    /// <summary>406 <c>&lt;client&gt; &lt;nickname&gt; :There was no such nickname</c>: WHOWAS knows none.</summary>
    public const string ERR_WASNOSUCHNICK = "406";

    /// <summary>481 <c>&lt;client&gt; :Permission Denied- You're not an IRC operator</c>.</summary>
    public const string ERR_NOPRIVILEGES = "481";

    /// <summary>491 <c>&lt;client&gt; :No O-lines for your host</c>: OPER refused.</summary>
    public const string ERR_NOOPERHOST = "491";

    /// <summary>696 <c>&lt;client&gt; &lt;target&gt; &lt;mode char&gt; &lt;parameter&gt; :&lt;description&gt;</c>: a mode's parameter is invalid.</summary>
    public const string ERR_INVALIDMODEPARAM = "696";
}
