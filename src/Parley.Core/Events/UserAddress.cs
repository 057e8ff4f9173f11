namespace Parley.Core.Events;

/// <summary>
/// Where a user is, as protocols with full addresses show it (IRC's <c>nick!user@host</c>):
/// the user name and the host, a cloak rather than the real address.
/// </summary>
/// <param name="UserName">The user name (IRC's ident), e.g. the nick for line-protocol users.</param>
/// <param name="Host">The shown host, e.g. <c>parley</c>.</param>
public sealed record UserAddress(string UserName, string Host);
