using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Parley.LoadGen.Running;

/// <summary>
/// What a run found: human-readable lines on stderr as it goes, and at the end one JSON object
/// on one stdout line (the only thing the generator writes to stdout). Keys keep their order.
/// </summary>
internal sealed class RunReport
{
    // Plain ASCII out ("irc+tls", not "irc\u002Btls"): the summary is read by scripts and people, never embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    /// <summary>Adds or replaces a field; NaN and infinities become null.</summary>
    public void Set(string key, object? value)
    {
        if (value is double d && !double.IsFinite(d))
            value = null;
        var index = _fields.FindIndex(f => f.Key == key);
        if (index >= 0)
            _fields[index] = new(key, value);
        else
            _fields.Add(new(key, value));
    }

    /// <summary>Adds a number rounded to <paramref name="digits"/> decimals.</summary>
    public void Set(string key, double value, int digits) => Set(key, double.IsFinite(value) ? Math.Round(value, digits) : double.NaN);

    /// <summary>Writes one human-readable line to stderr.</summary>
    public static void Say(string text) => Console.Error.WriteLine(text);

    /// <summary>Formats a number for <see cref="Say"/>: fixed decimals, "n/a" for NaN.</summary>
    public static string Format(double value, int digits = 2) =>
        double.IsFinite(value) ? value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "n/a";

    /// <summary>The summary as one line of JSON.</summary>
    public string ToJson()
    {
        var ordered = new Dictionary<string, object?>();
        foreach (var (key, value) in _fields)
            ordered[key] = value;
        return JsonSerializer.Serialize(ordered, JsonOptions);
    }
}
