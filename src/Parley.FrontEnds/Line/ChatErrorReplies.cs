using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>The <c>ERR</c> lines several commands share, so the same refusal reads the same everywhere.</summary>
internal static class ChatErrorReplies
{
    public static readonly byte[] NotRegistered =
        LineWriter.Error(LineErrorCodes.NotRegistered, "register first with #<nick> or /nick <nick>");

    public static readonly byte[] InvalidNick =
        LineWriter.Error(LineErrorCodes.InvalidNick, $"a nick is 1-{NickRules.MaxLength} letters, digits, _ or -");

    public static readonly byte[] NotLoggedIn =
        LineWriter.Error(LineErrorCodes.NotLoggedIn, "log in first with /login <nick> <password>");

    public static readonly byte[] AuthFailed = LineWriter.Error(LineErrorCodes.AuthFailed, "wrong nick or password");

    public static readonly byte[] BadPassword = LineWriter.Error(LineErrorCodes.BadPassword, PasswordRules.Description);

    /// <summary>The password rule with the server's shortest length (<c>Parley:Accounts:MinPasswordLength</c>).</summary>
    public static byte[] BadPasswordFor(int minLength) =>
        minLength == PasswordRules.MinLength ? BadPassword : LineWriter.Error(LineErrorCodes.BadPassword, PasswordRules.Describe(minLength));

    public static readonly byte[] GuestsDisabled = LineWriter.Error(
        LineErrorCodes.GuestsDisabled, "this server has no guests: /login <nick> <password> or /register <nick> <password>");

    public static readonly byte[] TlsRequired = LineWriter.Error(LineErrorCodes.TlsRequired, LoginTransportPolicy.RefusalText);

    public static readonly byte[] StorageFailed =
        LineWriter.Error(LineErrorCodes.StorageFailed, "the server could not store the message; it may not have arrived");

    public static readonly byte[] NoClientCertificate = LineWriter.Error(
        LineErrorCodes.NoClientCert,
        "this connection presented no client certificate: connect with TLS and --client-cert (parley --tls --client-cert <file> --client-key <file>)");

    public static readonly byte[] LoginWithoutCertificate = LineWriter.Error(
        LineErrorCodes.NoClientCert,
        "no password and no client certificate: /login <nick> <password>, or connect with TLS and --client-cert to log in with a registered certificate");

    public static readonly byte[] InvalidFingerprint = LineWriter.Error(
        LineErrorCodes.InvalidFingerprint, "a fingerprint is SHA256: and 64 hex digits (colons allowed), as openssl x509 -fingerprint -sha256 prints it");

    public static readonly byte[] TooManyCertificates = LineWriter.Error(
        LineErrorCodes.TooManyCerts, $"an account has at most {AccountService.MaxCertificatesPerAccount} certificates; /cert del one first");

    public static byte[] CertificateRegistered(string? fingerprint) =>
        LineWriter.Error(LineErrorCodes.CertRegistered, $"{fingerprint} is registered already (a certificate logs in to one account only)");

    public static byte[] NoSuchCertificate(string? fingerprint) =>
        LineWriter.Error(LineErrorCodes.NoSuchCert, $"{fingerprint} is not registered to your account; /cert list shows them");

    public static byte[] NickTaken(string nick) => LineWriter.Error(LineErrorCodes.NickTaken, $"{nick} is taken");

    public static byte[] NickRegistered(string nick) =>
        LineWriter.Error(LineErrorCodes.NickRegistered, $"{nick} is registered; log in with /login {nick} <password>");

    public static byte[] ServerBanned(string nick) =>
        LineWriter.Error(LineErrorCodes.ServerBanned, $"the account {nick} is banned from this server");

    public static byte[] AlreadyLoggedIn(string? nick) =>
        LineWriter.Error(LineErrorCodes.AlreadyLoggedIn, $"you are logged in as {nick}; /logout first");

    public static readonly byte[] ServerBusy = LineWriter.Error(
        LineErrorCodes.Busy, "the server is checking too many passwords at once; try again in a few seconds");

    public static byte[] RateLimited(TimeSpan retryAfter) => LineWriter.Error(
        LineErrorCodes.RateLimited, $"too many failed logins; try again in {Seconds(retryAfter)} s");

    public static byte[] TooManyRegistrations(TimeSpan retryAfter) => LineWriter.Error(
        LineErrorCodes.RateLimited, $"too many new accounts lately; try again in {Seconds(retryAfter)} s");

    public static byte[] TooManySessions(string? nick, int max) => LineWriter.Error(
        LineErrorCodes.TooManySessions, $"{nick} is logged in from {max} connections, the most allowed; log out or /quit one of them first");

    /// <summary>Whole seconds, rounded up, at least 1: "try again in 0 s" would be wrong.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    /// <summary>The refusal for an account operation's error (never <see cref="ChatError.None"/>).</summary>
    public static byte[] For(SignInResult result, string? nick, string? currentNick, int maxSessions = 0) => result.Error switch
    {
        ChatError.TooManyRegistrations => TooManyRegistrations(result.RetryAfter),
        ChatError.ServerBusy => ServerBusy,
        ChatError.TooManySessions => TooManySessions(nick, maxSessions),
        ChatError.NotRegistered => NotRegistered,
        ChatError.InvalidNick => InvalidNick,
        ChatError.NickTaken => NickTaken(nick ?? ""),
        ChatError.NickRegistered => NickRegistered(nick ?? ""),
        ChatError.GuestsDisabled => GuestsDisabled,
        ChatError.AlreadyLoggedIn => AlreadyLoggedIn(currentNick),
        ChatError.NotLoggedIn => NotLoggedIn,
        ChatError.RateLimited => RateLimited(result.RetryAfter),
        ChatError.BadPassword => BadPassword,
        ChatError.NoClientCertificate => LoginWithoutCertificate,
        ChatError.ServerBanned => ServerBanned(nick ?? ""),
        _ => AuthFailed,
    };

    /// <summary>The refusal for a certificate operation's error (never <see cref="ChatError.None"/>).</summary>
    public static byte[] For(CertificateResult result) => result.Error switch
    {
        ChatError.NotLoggedIn => NotLoggedIn,
        ChatError.NoClientCertificate => NoClientCertificate,
        ChatError.InvalidFingerprint => InvalidFingerprint,
        ChatError.CertificateRegistered => CertificateRegistered(result.Fingerprint),
        ChatError.NoSuchCertificate => NoSuchCertificate(result.Fingerprint),
        ChatError.TooManyCertificates => TooManyCertificates,
        _ => LineWriter.Error(LineErrorCodes.Syntax, result.Error.ToString()),
    };

    /// <summary>The OK text of a sign-in: who, and how many stored messages came before it.</summary>
    public static string SignedIn(string prefix, SignInResult result, string? how = null)
    {
        var text = how is null ? $"{prefix} {result.Nick}" : $"{prefix} {result.Nick} ({how})";
        if (result.Delivered > 0)
            text += $"; {Counted.Of(result.Delivered, "stored message")} delivered";
        if (result.Waiting > 0)
            text += $"; {result.Waiting} more waiting: /missed";
        return text;
    }
}
