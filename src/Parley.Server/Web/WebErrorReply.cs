namespace Parley.Server.Web;

/// <summary>The sign-in API's answer to a refusal: <c>{"error":"..."}</c>, a sentence for people (a code first where there is one, e.g. <c>TLS_REQUIRED</c>).</summary>
/// <param name="Error">What went wrong.</param>
internal sealed record WebErrorReply(string Error);
