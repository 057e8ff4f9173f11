using System.Diagnostics.CodeAnalysis;

namespace Parley.Protocols.Irc;

/// <summary>
/// Numeric replies as command strings, named as in https://modern.ircdocs.horse ("Numerics")
/// and the IRCv3 SASL spec (900-908), so a name can be searched for in either.
/// </summary>
/// <remarks>
/// The first parameter of every numeric is the target client's nick (<c>*</c> before it has
/// one); the lines under each constant give the rest.
/// </remarks>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Names as the IRC specs spell them.")]
public static partial class IrcNumerics
{
    /// <summary>001 <c>&lt;client&gt; :Welcome to the &lt;network&gt; Network, &lt;nick&gt;[!&lt;user&gt;@&lt;host&gt;]</c>: registration completed.</summary>
    public const string RPL_WELCOME = "001";

    /// <summary>002 <c>&lt;client&gt; :Your host is &lt;servername&gt;, running version &lt;version&gt;</c>.</summary>
    public const string RPL_YOURHOST = "002";

    /// <summary>003 <c>&lt;client&gt; :This server was created &lt;datetime&gt;</c>.</summary>
    public const string RPL_CREATED = "003";

    /// <summary>004 <c>&lt;client&gt; &lt;servername&gt; &lt;version&gt; &lt;user modes&gt; &lt;channel modes&gt; [&lt;channel modes with a parameter&gt;]</c>.</summary>
    public const string RPL_MYINFO = "004";

    /// <summary>005 <c>&lt;client&gt; &lt;1-13 tokens&gt; :are supported by this server</c>: feature advertisement (CASEMAPPING, CHANTYPES...).</summary>
    public const string RPL_ISUPPORT = "005";

    /// <summary>221 <c>&lt;client&gt; &lt;user modes&gt;</c>: the client's own user modes.</summary>
    public const string RPL_UMODEIS = "221";

    /// <summary>251 <c>&lt;client&gt; :There are &lt;u&gt; users and &lt;i&gt; invisible on &lt;s&gt; servers</c>.</summary>
    public const string RPL_LUSERCLIENT = "251";

    /// <summary>252 <c>&lt;client&gt; &lt;ops&gt; :operator(s) online</c>.</summary>
    public const string RPL_LUSEROP = "252";

    /// <summary>253 <c>&lt;client&gt; &lt;connections&gt; :unknown connection(s)</c>.</summary>
    public const string RPL_LUSERUNKNOWN = "253";

    /// <summary>254 <c>&lt;client&gt; &lt;channels&gt; :channels formed</c>.</summary>
    public const string RPL_LUSERCHANNELS = "254";

    /// <summary>255 <c>&lt;client&gt; :I have &lt;c&gt; clients and &lt;s&gt; servers</c>.</summary>
    public const string RPL_LUSERME = "255";

    /// <summary>301 <c>&lt;client&gt; &lt;nick&gt; :&lt;message&gt;</c>: the target is away.</summary>
    public const string RPL_AWAY = "301";

    /// <summary>302 <c>&lt;client&gt; :[&lt;reply&gt;{ &lt;reply&gt;}]</c>: USERHOST reply.</summary>
    public const string RPL_USERHOST = "302";

    /// <summary>303 <c>&lt;client&gt; :[&lt;nickname&gt;{ &lt;nickname&gt;}]</c>: ISON reply.</summary>
    public const string RPL_ISON = "303";

    /// <summary>305 <c>&lt;client&gt; :You are no longer marked as being away</c>.</summary>
    public const string RPL_UNAWAY = "305";

    /// <summary>306 <c>&lt;client&gt; :You have been marked as being away</c>.</summary>
    public const string RPL_NOWAWAY = "306";

    /// <summary>311 <c>&lt;client&gt; &lt;nick&gt; &lt;username&gt; &lt;host&gt; * :&lt;realname&gt;</c>.</summary>
    public const string RPL_WHOISUSER = "311";

    /// <summary>312 <c>&lt;client&gt; &lt;nick&gt; &lt;server&gt; :&lt;server info&gt;</c>.</summary>
    public const string RPL_WHOISSERVER = "312";

    /// <summary>315 <c>&lt;client&gt; &lt;mask&gt; :End of WHO list</c>.</summary>
    public const string RPL_ENDOFWHO = "315";

    /// <summary>317 <c>&lt;client&gt; &lt;nick&gt; &lt;secs&gt; &lt;signon&gt; :seconds idle, signon time</c>.</summary>
    public const string RPL_WHOISIDLE = "317";

    /// <summary>318 <c>&lt;client&gt; &lt;nick&gt; :End of /WHOIS list</c>.</summary>
    public const string RPL_ENDOFWHOIS = "318";

    /// <summary>319 <c>&lt;client&gt; &lt;nick&gt; :[prefix]&lt;channel&gt;{ [prefix]&lt;channel&gt;}</c>.</summary>
    public const string RPL_WHOISCHANNELS = "319";

    /// <summary>322 <c>&lt;client&gt; &lt;channel&gt; &lt;client count&gt; :&lt;topic&gt;</c>.</summary>
    public const string RPL_LIST = "322";

    /// <summary>323 <c>&lt;client&gt; :End of /LIST</c>.</summary>
    public const string RPL_LISTEND = "323";

    /// <summary>324 <c>&lt;client&gt; &lt;channel&gt; &lt;modestring&gt; &lt;mode arguments&gt;...</c>.</summary>
    public const string RPL_CHANNELMODEIS = "324";

    /// <summary>329 <c>&lt;client&gt; &lt;channel&gt; &lt;creationtime&gt;</c>: when the channel was created, in Unix seconds.</summary>
    public const string RPL_CREATIONTIME = "329";

    /// <summary>330 <c>&lt;client&gt; &lt;nick&gt; &lt;account&gt; :is logged in as</c>: in WHOIS, the user's account.</summary>
    public const string RPL_WHOISACCOUNT = "330";

    /// <summary>331 <c>&lt;client&gt; &lt;channel&gt; :No topic is set</c>.</summary>
    public const string RPL_NOTOPIC = "331";

    /// <summary>332 <c>&lt;client&gt; &lt;channel&gt; :&lt;topic&gt;</c>.</summary>
    public const string RPL_TOPIC = "332";

    /// <summary>333 <c>&lt;client&gt; &lt;channel&gt; &lt;nick&gt; &lt;setat&gt;</c>: who set the topic and when (Unix seconds).</summary>
    public const string RPL_TOPICWHOTIME = "333";

    /// <summary>335 <c>&lt;client&gt; &lt;nick&gt; :is a bot</c>: in WHOIS, the user has bot mode (ircv3.net/specs/extensions/bot-mode).</summary>
    public const string RPL_WHOISBOT = "335";

    /// <summary>341 <c>&lt;client&gt; &lt;nick&gt; &lt;channel&gt;</c>: the invitation was sent.</summary>
    public const string RPL_INVITING = "341";

    /// <summary>352 <c>&lt;client&gt; &lt;channel&gt; &lt;username&gt; &lt;host&gt; &lt;server&gt; &lt;nick&gt; &lt;flags&gt; :&lt;hopcount&gt; &lt;realname&gt;</c>.</summary>
    public const string RPL_WHOREPLY = "352";

    /// <summary>354 <c>&lt;client&gt; [token] [channel] [user] [ip] [host] [server] [nick] [flags] [hopcount] [idle] [account] [oplevel] [:realname]</c>: a WHOX reply, the fields asked for in that order (ircv3.net/specs/extensions/whox).</summary>
    public const string RPL_WHOSPCRPL = "354";

    /// <summary>353 <c>&lt;client&gt; &lt;symbol&gt; &lt;channel&gt; :[prefix]&lt;nick&gt;{ [prefix]&lt;nick&gt;}</c>.</summary>
    public const string RPL_NAMREPLY = "353";

    /// <summary>366 <c>&lt;client&gt; &lt;channel&gt; :End of /NAMES list</c>.</summary>
    public const string RPL_ENDOFNAMES = "366";

    /// <summary>367 <c>&lt;client&gt; &lt;channel&gt; &lt;mask&gt; [&lt;who&gt; &lt;set-ts&gt;]</c>.</summary>
    public const string RPL_BANLIST = "367";

    /// <summary>368 <c>&lt;client&gt; &lt;channel&gt; :End of channel ban list</c>.</summary>
    public const string RPL_ENDOFBANLIST = "368";

    /// <summary>372 <c>&lt;client&gt; :&lt;line of the motd&gt;</c>.</summary>
    public const string RPL_MOTD = "372";

    /// <summary>375 <c>&lt;client&gt; :- &lt;server&gt; Message of the day - </c>.</summary>
    public const string RPL_MOTDSTART = "375";

    /// <summary>376 <c>&lt;client&gt; :End of /MOTD command.</c>.</summary>
    public const string RPL_ENDOFMOTD = "376";

    /// <summary>401 <c>&lt;client&gt; &lt;nickname&gt; :No such nick/channel</c>.</summary>
    public const string ERR_NOSUCHNICK = "401";

    /// <summary>403 <c>&lt;client&gt; &lt;channel&gt; :No such channel</c>.</summary>
    public const string ERR_NOSUCHCHANNEL = "403";

    /// <summary>404 <c>&lt;client&gt; &lt;channel&gt; :Cannot send to channel</c>.</summary>
    public const string ERR_CANNOTSENDTOCHAN = "404";

    /// <summary>405 <c>&lt;client&gt; &lt;channel&gt; :You have joined too many channels</c>.</summary>
    public const string ERR_TOOMANYCHANNELS = "405";

    /// <summary>407 <c>&lt;client&gt; &lt;target&gt; :Too many targets</c>: more targets than TARGMAX allows.</summary>
    public const string ERR_TOOMANYTARGETS = "407";

    /// <summary>410 <c>&lt;client&gt; &lt;subcommand&gt; :Invalid CAP command</c>.</summary>
    public const string ERR_INVALIDCAPCMD = "410";

    /// <summary>411 <c>&lt;client&gt; :No recipient given (&lt;command&gt;)</c>.</summary>
    public const string ERR_NORECIPIENT = "411";

    /// <summary>412 <c>&lt;client&gt; :No text to send</c>.</summary>
    public const string ERR_NOTEXTTOSEND = "412";

    /// <summary>417 <c>&lt;client&gt; :Input line was too long</c>: the answer to <see cref="IrcFrameStatus.LineTooLong"/> and <see cref="IrcFrameStatus.TagsTooLong"/>.</summary>
    public const string ERR_INPUTTOOLONG = "417";

    /// <summary>421 <c>&lt;client&gt; &lt;command&gt; :Unknown command</c>.</summary>
    public const string ERR_UNKNOWNCOMMAND = "421";

    /// <summary>422 <c>&lt;client&gt; :MOTD File is missing</c>.</summary>
    public const string ERR_NOMOTD = "422";

    /// <summary>431 <c>&lt;client&gt; :No nickname given</c>.</summary>
    public const string ERR_NONICKNAMEGIVEN = "431";

    /// <summary>432 <c>&lt;client&gt; &lt;nick&gt; :Erroneus nickname</c>.</summary>
    public const string ERR_ERRONEUSNICKNAME = "432";

    /// <summary>433 <c>&lt;client&gt; &lt;nick&gt; :Nickname is already in use</c>.</summary>
    public const string ERR_NICKNAMEINUSE = "433";

    /// <summary>441 <c>&lt;client&gt; &lt;nick&gt; &lt;channel&gt; :They aren't on that channel</c>.</summary>
    public const string ERR_USERNOTINCHANNEL = "441";

    /// <summary>442 <c>&lt;client&gt; &lt;channel&gt; :You're not on that channel</c>.</summary>
    public const string ERR_NOTONCHANNEL = "442";

    /// <summary>443 <c>&lt;client&gt; &lt;nick&gt; &lt;channel&gt; :is already on channel</c>.</summary>
    public const string ERR_USERONCHANNEL = "443";

    /// <summary>451 <c>&lt;client&gt; :You have not registered</c>.</summary>
    public const string ERR_NOTREGISTERED = "451";

    /// <summary>461 <c>&lt;client&gt; &lt;command&gt; :Not enough parameters</c>.</summary>
    public const string ERR_NEEDMOREPARAMS = "461";

    /// <summary>462 <c>&lt;client&gt; :You may not reregister</c>.</summary>
    public const string ERR_ALREADYREGISTERED = "462";

    /// <summary>464 <c>&lt;client&gt; :Password incorrect</c>.</summary>
    public const string ERR_PASSWDMISMATCH = "464";

    /// <summary>471 <c>&lt;client&gt; &lt;channel&gt; :Cannot join channel (+l)</c>.</summary>
    public const string ERR_CHANNELISFULL = "471";

    /// <summary>472 <c>&lt;client&gt; &lt;modechar&gt; :is unknown mode char to me</c>.</summary>
    public const string ERR_UNKNOWNMODE = "472";

    /// <summary>473 <c>&lt;client&gt; &lt;channel&gt; :Cannot join channel (+i)</c>.</summary>
    public const string ERR_INVITEONLYCHAN = "473";

    /// <summary>474 <c>&lt;client&gt; &lt;channel&gt; :Cannot join channel (+b)</c>.</summary>
    public const string ERR_BANNEDFROMCHAN = "474";

    /// <summary>475 <c>&lt;client&gt; &lt;channel&gt; :Cannot join channel (+k)</c>.</summary>
    public const string ERR_BADCHANNELKEY = "475";

    /// <summary>478 <c>&lt;client&gt; &lt;channel&gt; &lt;char&gt; :Channel list is full</c>: the ban list holds the most masks allowed.</summary>
    public const string ERR_BANLISTFULL = "478";

    /// <summary>482 <c>&lt;client&gt; &lt;channel&gt; :You're not channel operator</c>.</summary>
    public const string ERR_CHANOPRIVSNEEDED = "482";

    /// <summary>525 <c>&lt;client&gt; &lt;channel&gt; :Key is not well-formed</c>: a <c>+k</c> key that is empty, too long or has spaces.</summary>
    public const string ERR_INVALIDKEY = "525";

    /// <summary>501 <c>&lt;client&gt; :Unknown MODE flag</c>.</summary>
    public const string ERR_UMODEUNKNOWNFLAG = "501";

    /// <summary>502 <c>&lt;client&gt; :Cant change mode for other users</c>.</summary>
    public const string ERR_USERSDONTMATCH = "502";

    /// <summary>671 <c>&lt;client&gt; &lt;nick&gt; :is using a secure connection</c>: in WHOIS, the user is on TLS.</summary>
    public const string RPL_WHOISSECURE = "671";

    /// <summary>704 <c>&lt;client&gt; &lt;subject&gt; :&lt;first line&gt;</c>: HELP starts (modern.ircdocs.horse).</summary>
    public const string RPL_HELPSTART = "704";

    /// <summary>705 <c>&lt;client&gt; &lt;subject&gt; :&lt;line&gt;</c>: a line of HELP.</summary>
    public const string RPL_HELPTXT = "705";

    /// <summary>706 <c>&lt;client&gt; &lt;subject&gt; :&lt;last line&gt;</c>: HELP ends.</summary>
    public const string RPL_ENDOFHELP = "706";

    /// <summary>524 <c>&lt;client&gt; &lt;subject&gt; :No help available on this topic</c>.</summary>
    public const string ERR_HELPNOTFOUND = "524";

    /// <summary>730 <c>&lt;client&gt; :target[!user@host][,...]</c>: monitored nicks online (IRCv3 MONITOR).</summary>
    public const string RPL_MONONLINE = "730";

    /// <summary>731 <c>&lt;client&gt; :target[,...]</c>: monitored nicks offline.</summary>
    public const string RPL_MONOFFLINE = "731";

    /// <summary>732 <c>&lt;client&gt; :target[,...]</c>: the monitor list.</summary>
    public const string RPL_MONLIST = "732";

    /// <summary>733 <c>&lt;client&gt; :End of MONITOR list</c>.</summary>
    public const string RPL_ENDOFMONLIST = "733";

    /// <summary>734 <c>&lt;client&gt; &lt;limit&gt; &lt;targets&gt; :Monitor list is full.</c>.</summary>
    public const string ERR_MONLISTFULL = "734";

    /// <summary>900 <c>&lt;client&gt; &lt;n!u@h&gt; &lt;account&gt; :You are now logged in as &lt;username&gt;</c>.</summary>
    public const string RPL_LOGGEDIN = "900";

    /// <summary>901 <c>&lt;client&gt; &lt;n!u@h&gt; :You are now logged out</c>.</summary>
    public const string RPL_LOGGEDOUT = "901";

    /// <summary>902 <c>&lt;client&gt; :You must use a nick assigned to you</c>.</summary>
    public const string ERR_NICKLOCKED = "902";

    /// <summary>903 <c>&lt;client&gt; :SASL authentication successful</c>.</summary>
    public const string RPL_SASLSUCCESS = "903";

    /// <summary>904 <c>&lt;client&gt; :SASL authentication failed</c>.</summary>
    public const string ERR_SASLFAIL = "904";

    /// <summary>905 <c>&lt;client&gt; :SASL message too long</c>.</summary>
    public const string ERR_SASLTOOLONG = "905";

    /// <summary>906 <c>&lt;client&gt; :SASL authentication aborted</c>.</summary>
    public const string ERR_SASLABORTED = "906";

    /// <summary>907 <c>&lt;client&gt; :You have already authenticated using SASL</c>.</summary>
    public const string ERR_SASLALREADY = "907";

    /// <summary>908 <c>&lt;client&gt; &lt;mechanisms&gt; :are available SASL mechanisms</c>.</summary>
    public const string RPL_SASLMECHS = "908";
}
