using System.Globalization;
using System.Text;

namespace Parley.Server.Connections;

/// <summary>
/// What a refused connection to the plain HTTP listener is sent before it is closed, in place of a
/// protocol line: a whole HTTP/1.1 response (RFC 9110), <c>503 Service Unavailable</c> when the
/// server is full and <c>429 Too Many Requests</c> (RFC 6585) over the address's caps, with the
/// reason as plain text and <c>Connection: close</c>. Sent at once, before the request is read:
/// a client reads it as the answer to the request it sends.
/// </summary>
internal static class HttpRefusal
{
    /// <summary>The response's bytes (ASCII), made once per listener and verdict.</summary>
    /// <param name="verdict">Why it is refused; not <see cref="AdmissionVerdict.Admitted"/>.</param>
    public static byte[] Response(AdmissionVerdict verdict)
    {
        var status = verdict == AdmissionVerdict.ServerFull ? "503 Service Unavailable" : "429 Too Many Requests";
        var body = ConnectionLimitMiddleware.Describe(verdict) + "\n";
        return Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {body.Length}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n{body}"));
    }
}
