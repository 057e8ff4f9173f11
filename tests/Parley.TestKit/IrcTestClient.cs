using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace Parley.TestKit;

/// <summary>
/// A raw IRC client over a real socket (plain or TLS): send lines, expect lines, with awaits that
/// time out. Lines are sent with CR LF and read without it.
/// </summary>
public sealed class IrcTestClient : TestConnection
{
    private int _drains;

    private IrcTestClient(Socket socket, Stream stream)
        : base(socket, stream)
    {
    }

    /// <summary>The nick registered with <see cref="RegisterAsync"/>.</summary>
    public string Nick { get; private set; } = "*";

    /// <inheritdoc />
    protected override string LineEnding => "\r\n";

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; IRC servers send nothing until the client speaks.</summary>
    /// <param name="port">The server's IRC port.</param>
    /// <param name="receiveBufferSize">A small kernel receive buffer makes a non-reading client fill up fast.</param>
    /// <param name="from">The local address to connect from (e.g. 127.0.0.2, another client address), or null for the system's choice.</param>
    public static async Task<IrcTestClient> ConnectAsync(int port, int? receiveBufferSize = null, System.Net.IPAddress? from = null)
    {
        var socket = await OpenSocketAsync(port, receiveBufferSize, from);
        return new IrcTestClient(socket, new NetworkStream(socket, ownsSocket: true));
    }

    /// <summary>Connects over TLS, accepting whatever certificate the server presents (tests check its fingerprint).</summary>
    /// <param name="port">The server's IRC TLS port.</param>
    /// <param name="clientCertificate">A client certificate to present (SASL EXTERNAL), or null.</param>
    public static async Task<IrcTestClient> ConnectTlsAsync(int port, X509Certificate2? clientCertificate = null)
    {
        var socket = await OpenSocketAsync(port);
        return new IrcTestClient(socket, await AuthenticateAsync(socket, clientCertificate));
    }

    /// <summary>Sends NICK and USER and reads up to the end of the MOTD (376 or 422); returns the lines read.</summary>
    public async Task<List<string>> RegisterAsync(string nick, string user = "u", string realName = "Real Name")
    {
        await SendAsync($"NICK {nick}");
        await SendAsync($"USER {user} 0 * :{realName}");
        var (last, before) = await WaitForAsync(l => IsNumeric(l, "376") || IsNumeric(l, "422") || IsNumeric(l, "433") || IsNumeric(l, "432"));
        if (!IsNumeric(last, "376") && !IsNumeric(last, "422"))
            throw new InvalidOperationException($"registration refused: {last}");
        Nick = nick;
        before.Add(last);
        return before;
    }

    /// <summary>Whether <paramref name="line"/> (without tags) is numeric <paramref name="numeric"/>.</summary>
    public static bool IsNumeric(string line, string numeric) => Command(line) == numeric;

    /// <summary>The command of a line: the word after the optional tags and source.</summary>
    public static string Command(string line)
    {
        var words = WithoutTags(line).Split(' ');
        return words[0].StartsWith(':') && words.Length > 1 ? words[1] : words[0];
    }

    /// <summary>The line without its tag section.</summary>
    public static string WithoutTags(string line) =>
        line.StartsWith('@') && line.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? line[(space + 1)..] : line;

    /// <summary>
    /// Round-trips a PING with a fresh token and returns the lines that arrived before its PONG:
    /// proof that nothing else is pending (the server answers in order).
    /// </summary>
    public async Task<List<string>> DrainAsync()
    {
        var token = "drain" + Interlocked.Increment(ref _drains);
        await SendAsync("PING " + token);
        var (_, before) = await WaitForAsync(l => Command(l) == "PONG" && l.EndsWith(token, StringComparison.Ordinal));
        return before;
    }
}
