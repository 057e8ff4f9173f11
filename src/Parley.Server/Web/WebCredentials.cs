namespace Parley.Server.Web;

/// <summary>The body of <c>POST /api/session</c> and <c>POST /api/account</c>: <c>{"account":"alice","password":"..."}</c>.</summary>
/// <param name="Account">The account's name (a nick).</param>
/// <param name="Password">The password; never kept.</param>
internal sealed record WebCredentials(string? Account, string? Password);
