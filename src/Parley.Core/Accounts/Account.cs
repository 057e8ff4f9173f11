namespace Parley.Core.Accounts;

/// <summary>A registered account: the nick it owns and its password hash.</summary>
/// <param name="Id">The store's id, stable for the life of the account.</param>
/// <param name="Nick">The owned nick as the owner typed it at registration.</param>
/// <param name="PasswordHash">The password hash in <see cref="IPasswordHashing"/>'s format; never the password.</param>
/// <param name="CreatedUtc">When it was registered (NickServ <c>INFO</c>); default when the store does not say.</param>
public sealed record Account(long Id, string Nick, string PasswordHash, DateTimeOffset CreatedUtc = default);
