namespace Parley.Core.Presence;

/// <summary>A nick that left the server (or was renamed away from), as IRC's <c>WHOWAS</c> shows it.</summary>
/// <param name="Nick">The nick as it was shown.</param>
/// <param name="UserName">Its user name (IRC ident; the nick for line users).</param>
/// <param name="Host">Its shown host (the cloak).</param>
/// <param name="RealName">Its real name.</param>
/// <param name="LeftAt">When it left, UTC.</param>
public sealed record WhowasEntry(string Nick, string UserName, string Host, string RealName, DateTimeOffset LeftAt);
