using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Parley.Server.Listeners;

namespace Parley.Server.Hosting;

/// <summary>
/// Turns what stops a start into one line naming the setting, its value and what is allowed,
/// for the console (exit code 2), instead of a stack trace.
/// </summary>
internal static partial class StartupErrors
{
    /// <summary>The exit code of a start refused for its configuration (and of a failed <c>--check-config</c>).</summary>
    public const int BadConfiguration = 2;

    /// <summary>Whether <paramref name="exception"/> is a configuration problem <see cref="Describe"/> can put in one line.</summary>
    public static bool IsConfiguration(Exception exception) =>
        exception is ArgumentException or InvalidOperationException or FileNotFoundException or InvalidDataException or FormatException;

    /// <summary>One line for a bad setting, without stack trace or "(Parameter ...)".</summary>
    public static string Describe(Exception exception)
    {
        if (exception is ArgumentOutOfRangeException { ParamName: { } name, ActualValue: { } value } range)
        {
            var rule = OutOfRangeRule().Match(FirstLine(range.Message));
            var key = Key(name);
            return $"{key} is {value}: {(rule.Success ? rule.Groups[1].Value : FirstLine(range.Message))}";
        }

        var line = FirstLine(exception.Message);
        if (exception is ArgumentException { ParamName: { } param } && !line.Contains("Parley:", StringComparison.Ordinal) && !line.Contains("--", StringComparison.Ordinal))
            line = $"{Key(param)}: {line}";
        if (exception.InnerException is { } inner && exception is InvalidDataException)
            line = $"{line.TrimEnd('.')}: {FirstLine(inner.Message)}";
        return line;
    }

    /// <summary>
    /// One line for a listener that could not bind: which listener, address and port, its setting
    /// and option, and the system's reason (not Kestrel's <c>http://</c> address).
    /// </summary>
    /// <returns>The line, or null when <paramref name="exception"/> is no bind failure.</returns>
    public static string? DescribeBind(IOException exception, ListenerRegistry listeners)
    {
        var reason = exception switch
        {
            { InnerException: AddressInUseException } => "address already in use",
            { InnerException: SocketException { SocketErrorCode: SocketError.AccessDenied } } => "permission denied (ports below 1024 need privileges)",
            { InnerException: SocketException { SocketErrorCode: SocketError.AddressNotAvailable } } => "the address is not one of this machine's",
            { InnerException: SocketException socket } => socket.Message,
            _ => null,
        };
        var endpoint = BoundAddress().Match(exception.Message);
        if (reason is null || !endpoint.Success)
            return null;
        var port = int.Parse(endpoint.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var address = endpoint.Groups["host"].Value;
        foreach (var (protocol, configured) in listeners.All)
        {
            if (configured?.Port != port)
                continue;
            var (key, option) = SettingOf(protocol);
            return $"the {protocol} listener cannot listen on {address}:{port} ({key}, {option}): {reason}; choose another port, or 0 to turn it off";
        }

        return $"cannot listen on {address}:{port}: {reason}";
    }

    /// <summary>The configuration key and command-line option of a listener's port.</summary>
    public static (string Key, string Option) SettingOf(string protocol) =>
        ListenerTable.Find(protocol) is { } listener ? (listener.PortKey, listener.PortOption) : ("Parley", "--help");

    private static string Key(string name) =>
        name.Contains("--", StringComparison.Ordinal) ? name : SettingPaths.Find(name);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        var parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? line : line[..parameter];
    }

    // "Port ('-5') must be greater than or equal to '-1'." -> "must be greater than or equal to '-1'."
    [GeneratedRegex(@"^\S+ \('.*?'\) (must .*)$")]
    private static partial Regex OutOfRangeRule();

    // Kestrel: "Failed to bind to address http://127.0.0.1:6667: address already in use."
    [GeneratedRegex(@"://(?<host>\[[^\]]+\]|[^:/\s]+):(?<port>\d+)")]
    private static partial Regex BoundAddress();
}
