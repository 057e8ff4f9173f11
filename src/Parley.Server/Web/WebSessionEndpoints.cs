using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Parley.Core.Accounts;
using Parley.Core.Presence;
using Parley.Core.Security;
using Parley.Core.Sessions;
using Parley.Server.Tls;

namespace Parley.Server.Web;

/// <summary>
/// The sign-in API (docs/web.md "Sign-in sessions"): <c>POST /api/session</c> (sign in),
/// <c>GET /api/session</c> (who am I), <c>DELETE /api/session</c> (sign out), <c>POST /api/account</c>
/// (register and sign in). JSON in and out, <c>Cache-Control: no-store</c>, the session in the
/// <c>parley_session</c> cookie (<see cref="WebSessionCookie"/>).
/// </summary>
/// <remarks>
/// POST and DELETE must come from an allowed page (<see cref="WebOriginPolicy"/>, 403) with
/// <c>Content-Type: application/json</c> for a body (415; a cross-site form cannot send it without
/// a CORS preflight, which is never granted) of at most <see cref="MaxBodyBytes"/> (413). Status codes:
/// 200/201 signed in, 400 malformed or invalid, 401 wrong account or password (or no valid
/// session), 403 <c>TLS_REQUIRED</c> or banned or a foreign origin, 409 name taken, 429 throttled
/// (<c>Retry-After</c>), 503 busy hashing. Thread-safe.
/// </remarks>
internal static class WebSessionEndpoints
{
    /// <summary>The session resource.</summary>
    public const string SessionPath = "/api/session";

    /// <summary>The account resource (registration).</summary>
    public const string AccountPath = "/api/account";

    /// <summary>The largest body read: 4 KiB, far more than a name (at most 32 characters) and a password (at most 128) need in JSON.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>The error text of a password refused over plain HTTP from an untrusted network.</summary>
    public const string TlsRequiredError = "TLS_REQUIRED passwords are refused on a plain connection: use the https:// address";

    /// <summary>Reads and validates <c>Parley:Web</c>'s session settings (start-up and <c>--check-config</c>).</summary>
    /// <exception cref="ArgumentException">A setting is invalid (one line naming it).</exception>
    public static WebSessionOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(WebSessionOptions.SectionName).Get<WebSessionOptions>() ?? new WebSessionOptions();
        options.Validate();
        return options;
    }

    /// <summary>
    /// Registers the web sessions: their options, <see cref="WebSessionService"/>, the WebSocket
    /// identity from the cookie (replacing the default that proves no one), and an in-memory store
    /// when the storage provider registered none. After the storage provider's registration.
    /// </summary>
    public static void AddServices(IServiceCollection services, WebSessionOptions options)
    {
        services.AddSingleton(options);
        services.TryAddSingleton<IWebSessionStore, InMemoryWebSessionStore>();
        services.AddSingleton(provider => new WebSessionService(
            provider.GetRequiredService<AccountService>(),
            provider.GetRequiredService<IWebSessionStore>(),
            options,
            provider.GetRequiredService<LoginTransportPolicy>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWebSocketIdentity, WebSessionIdentity>();
    }

    /// <summary>Maps the four endpoints on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app)
    {
        var handler = new Handler(
            app.Services.GetRequiredService<WebSessionService>(),
            app.Services.GetRequiredService<WebOriginPolicy>(),
            app.Services.GetRequiredService<TrustedNetworkList>(),
            app.Services.GetRequiredService<TimeProvider>(),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebSessionEndpoints).FullName!));
        app.MapPost(SessionPath, handler.SignInAsync);
        app.MapGet(SessionPath, handler.WhoAmIAsync);
        app.MapDelete(SessionPath, handler.SignOutAsync);
        app.MapPost(AccountPath, handler.RegisterAsync);
    }

    private const string OriginError = "this page's origin may not use the sign-in API: same origin or Parley:Web:AllowedOrigins only";

    private sealed class Handler(WebSessionService sessions, WebOriginPolicy origins, TrustedNetworkList trusted, TimeProvider time, ILogger logger)
    {
        public async Task SignInAsync(HttpContext context)
        {
            if (await ReadCredentialsAsync(context) is not { } credentials)
                return;
            var result = await sessions.SignInAsync(credentials.Account!, credentials.Password!, SecurityOf(context), Remote(context), context.RequestAborted);
            await AnswerAsync(context, credentials.Account!, result, registration: false);
        }

        public async Task RegisterAsync(HttpContext context)
        {
            if (await ReadCredentialsAsync(context) is not { } credentials)
                return;
            var remote = Remote(context);
            var result = await sessions.RegisterAsync(credentials.Account!, credentials.Password!, SecurityOf(context), remote, context.RequestAborted);
            if (result.Error == ChatError.None)
                WebSessionLog.AccountCreated(logger, result.Account!, remote);
            await AnswerAsync(context, credentials.Account!, result, registration: true);
        }

        public async Task WhoAmIAsync(HttpContext context)
        {
            NoStore(context);
            var token = WebSessionCookie.Read(context.Request);
            if (await sessions.ValidateAsync(token, context.RequestAborted) is not { } session)
            {
                // A stale cookie (revoked, expired) is of no use to keep.
                if (token is not null)
                    WebSessionCookie.Clear(context);
                await ErrorAsync(context, StatusCodes.Status401Unauthorized, "not signed in");
                return;
            }

            // A moved expiry goes to the browser too, so its copy lasts as long as the session.
            if (session.Renewed)
                WebSessionCookie.Set(context, token!, session.ExpiresUtc, time.GetUtcNow());
            await context.Response.WriteAsJsonAsync(new WebAccountReply(session.Account), WebSessionJson.Default.WebAccountReply, cancellationToken: context.RequestAborted);
        }

        public async Task SignOutAsync(HttpContext context)
        {
            NoStore(context);
            if (!origins.IsAllowed(context.Request))
            {
                await ErrorAsync(context, StatusCodes.Status403Forbidden, OriginError);
                return;
            }

            var remote = Remote(context);
            if (await sessions.RevokeAsync(WebSessionCookie.Read(context.Request), context.RequestAborted))
                WebSessionLog.SignedOut(logger, remote);
            WebSessionCookie.Clear(context);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }

        // The checks of a body-carrying request, then the bounded body as credentials; null when
        // the request was answered (refused) here.
        private async Task<WebCredentials?> ReadCredentialsAsync(HttpContext context)
        {
            NoStore(context);
            var request = context.Request;
            if (!origins.IsAllowed(request))
            {
                await ErrorAsync(context, StatusCodes.Status403Forbidden, OriginError);
                return null;
            }

            if (!request.HasJsonContentType())
            {
                await ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "send Content-Type: application/json");
                return null;
            }

            if (await ReadBodyAsync(request, context.RequestAborted) is not { } body)
            {
                await ErrorAsync(context, StatusCodes.Status413PayloadTooLarge, $"the body is over {MaxBodyBytes} bytes");
                return null;
            }

            WebCredentials? credentials;
            try
            {
                credentials = JsonSerializer.Deserialize(body.Span, WebSessionJson.Default.WebCredentials);
            }
            catch (JsonException)
            {
                credentials = null;
            }

            if (credentials is not { Account: { Length: > 0 }, Password: not null })
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "send a JSON object with the strings account and password");
                return null;
            }

            return credentials;
        }

        private async Task AnswerAsync(HttpContext context, string tried, WebSignInResult result, bool registration)
        {
            var remote = Remote(context);
            if (result.Error == ChatError.None)
            {
                WebSessionCookie.Set(context, result.Token!, result.ExpiresUtc, time.GetUtcNow());
                WebSessionLog.SignedIn(logger, result.Account!, remote, result.ExpiresUtc);
                context.Response.StatusCode = registration ? StatusCodes.Status201Created : StatusCodes.Status200OK;
                await context.Response.WriteAsJsonAsync(new WebAccountReply(result.Account!), WebSessionJson.Default.WebAccountReply, cancellationToken: context.RequestAborted);
                return;
            }

            // The name tried is logged as typed, bounded: it is the client's text.
            var name = tried.Length <= NickRules.MaxLength ? tried : tried[..NickRules.MaxLength];
            var reason = result.TlsRequired ? "TlsRequired" : result.Error.ToString();
            WebSessionLog.SignInRefused(logger, name, remote, reason);
            var (status, error) = Refusal(result, registration);
            if (result.RetryAfter > TimeSpan.Zero || status == StatusCodes.Status503ServiceUnavailable)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(result.RetryAfter.TotalSeconds));
                context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, status, error);
        }

        // A sign-in's invalid name is a wrong account (which names exist is not told); a registration's is a 400.
        private static (int Status, string Error) Refusal(WebSignInResult result, bool registration) => result.Error switch
        {
            _ when result.TlsRequired => (StatusCodes.Status403Forbidden, TlsRequiredError),
            ChatError.InvalidNick when !registration => (StatusCodes.Status401Unauthorized, "wrong account or password"),
            ChatError.RateLimited => (StatusCodes.Status429TooManyRequests, "too many failed sign-ins: try again later"),
            ChatError.TooManyRegistrations => (StatusCodes.Status429TooManyRequests, "too many new accounts from this address lately: try again later"),
            ChatError.ServerBusy => (StatusCodes.Status503ServiceUnavailable, "the server is checking too many passwords at once: try again in a few seconds"),
            ChatError.ServerBanned => (StatusCodes.Status403Forbidden, "this account is banned from this server"),
            ChatError.NickRegistered => (StatusCodes.Status409Conflict, "that name is registered already"),
            ChatError.NickTaken => (StatusCodes.Status409Conflict, "that name is in use or reserved"),
            ChatError.InvalidNick => (StatusCodes.Status400BadRequest, $"a name is 1 to {NickRules.MaxLength} letters, digits, - or _, starting with a letter"),
            ChatError.BadPassword => (StatusCodes.Status400BadRequest, "that password is not allowed: too short or too long"),
            _ => (StatusCodes.Status401Unauthorized, "wrong account or password"),
        };

        // The body, at most MaxBodyBytes; null when it is longer (the rest is not read).
        private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
        {
            if (request.ContentLength > MaxBodyBytes)
                return null;
            var buffer = new byte[MaxBodyBytes + 1];
            var length = 0;
            while (length < buffer.Length)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
            }

            // Two returns, not a conditional: null beside a Memory<byte> would convert through
            // Memory's implicit operator from an array, to an empty body instead of none.
            if (length > MaxBodyBytes)
                return null;
            return buffer.AsMemory(0, length);
        }

        private ConnectionSecurity SecurityOf(HttpContext context) => new()
        {
            IsTls = context.Request.IsHttps,
            IsTrustedNetwork = trusted.Contains(context.Connection.RemoteIpAddress),
        };

        private static string Remote(HttpContext context) =>
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        private static void NoStore(HttpContext context) =>
            context.Response.Headers[HeaderNames.CacheControl] = "no-store";

        private static Task ErrorAsync(HttpContext context, int status, string error)
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new WebErrorReply(error), WebSessionJson.Default.WebErrorReply, cancellationToken: context.RequestAborted);
        }
    }
}
