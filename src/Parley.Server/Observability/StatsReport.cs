using System.Globalization;
using System.Text.RegularExpressions;

namespace Parley.Server.Observability;

/// <summary>
/// <c>parley-server stats</c> and an operator's <c>/stats</c>: the running server's <c>/metrics</c> at a glance, one line per
/// Parley series (histograms as count and mean), without the exporter's scope labels.
/// </summary>
internal static partial class StatsReport
{
    /// <summary>Scrapes <paramref name="metricsUrl"/> and formats the Parley series.</summary>
    /// <exception cref="HttpRequestException">The server did not answer, or refused (403 outside the trusted networks).</exception>
    public static async Task<string> FetchAsync(HttpClient http, Uri metricsUrl, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(metricsUrl, cancellationToken);
        response.EnsureSuccessStatusCode();
        return Format(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Formats a Prometheus text exposition: <c>name{labels}  value</c>, sorted, histograms as count and mean.</summary>
    public static string Format(string exposition)
    {
        var lines = Lines(exposition);
        return lines.Count == 0 ? "no Parley metrics yet\n" : string.Join('\n', lines) + "\n";
    }

    /// <summary>The lines of <see cref="Format"/>, without line ends (an operator's <c>/stats</c>); empty when there are no Parley series.</summary>
    public static IReadOnlyList<string> Lines(string exposition)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var raw in exposition.Split('\n'))
        {
            var match = Sample().Match(raw.TrimEnd('\r'));
            if (!match.Success || match.Groups["name"].Value.EndsWith("_bucket", StringComparison.Ordinal))
                continue;
            if (!double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                continue;
            var labels = string.Join(",", match.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.StartsWith("otel_scope_", StringComparison.Ordinal)));
            var key = labels.Length == 0 ? match.Groups["name"].Value : $"{match.Groups["name"].Value}{{{labels}}}";
            values[key] = values.GetValueOrDefault(key) + value;
        }

        var lines = new List<string>(values.Count);
        var width = values.Count == 0 ? 0 : values.Keys.Max(k => k.Length);
        foreach (var (key, value) in values)
        {
            // A histogram's _sum is shown as the mean of its _count.
            if (key.Contains("_sum", StringComparison.Ordinal))
            {
                var count = values.GetValueOrDefault(key.Replace("_sum", "_count", StringComparison.Ordinal));
                var mean = key.Replace("_sum", "_mean", StringComparison.Ordinal);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{mean.PadRight(width)}  {(count == 0 ? 0 : value / count):G4}"));
                continue;
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{key.PadRight(width)}  {value:G}"));
        }

        return lines;
    }

    // name{labels} value [timestamp], Parley's series only.
    [GeneratedRegex(@"^(?<name>parley_[a-zA-Z0-9_]+)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex Sample();
}
