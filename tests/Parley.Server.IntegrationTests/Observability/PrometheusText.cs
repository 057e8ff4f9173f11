using System.Globalization;

namespace Parley.Server.IntegrationTests.Observability;

/// <summary>Reads samples out of a Prometheus text exposition, for assertions.</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> (exact name, e.g. <c>parley_messages_total</c>)
    /// whose labels include every one of <paramref name="labels"/> (<c>kind="room"</c>); null when none.
    /// </summary>
    public static double? Sum(string text, string metric, params string[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal))
                continue;
            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
                continue;
            var labelText = rest[0] == '{' ? rest[1..rest.IndexOf('}', StringComparison.Ordinal)] : "";
            if (!labels.All(l => labelText.Split(',').Contains(l)))
                continue;
            var value = rest[(rest.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
