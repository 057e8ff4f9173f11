using System.Text.Json.Serialization;

namespace Parley.Server.Web;

/// <summary>
/// The sign-in API's JSON, generated at compile time (no reflection): camelCase names, a body's
/// unknown members ignored, numbers never read as strings. Deep nesting is refused by the
/// reader's default depth (64), and the body is bounded before it is parsed.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WebCredentials))]
[JsonSerializable(typeof(WebAccountReply))]
[JsonSerializable(typeof(WebErrorReply))]
internal sealed partial class WebSessionJson : JsonSerializerContext;
