namespace Parley.Core.Accounts;

/// <summary>What anyone may learn about an account (NickServ <c>INFO</c>): never its password hash.</summary>
/// <param name="Nick">The account's nick as registered.</param>
/// <param name="RegisteredUtc">When it was registered.</param>
/// <param name="Online">Whether a session is signed in to it now.</param>
public sealed record AccountInfo(string Nick, DateTimeOffset RegisteredUtc, bool Online);
