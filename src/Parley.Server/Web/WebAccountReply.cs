namespace Parley.Server.Web;

/// <summary>The sign-in API's answer when signed in: <c>{"account":"alice"}</c>.</summary>
/// <param name="Account">The account's name as registered.</param>
internal sealed record WebAccountReply(string Account);
