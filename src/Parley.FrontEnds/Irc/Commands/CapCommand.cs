using System.Globalization;
using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Commands;

/// <summary>
/// <c>CAP LS [302] | LIST | REQ :caps | END</c>: IRCv3 capability negotiation. LS or REQ before
/// registration holds registration until END; LS 302 enables cap-notify implicitly.
/// </summary>
internal sealed class CapCommand : IIrcCommand
{
    public string Name => "CAP";
    public int MinParameters => 1;
    public bool AllowedBeforeRegistration => true;

    public ValueTask ExecuteAsync(IrcConnection connection, IrcMessage message)
    {
        var target = connection.Session.Nick ?? "*";
        switch (message.Parameters[0].ToUpperInvariant())
        {
            case "LS":
                StartNegotiation(connection);
                if (message.GetParameter(1) is { } version && int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
                {
                    connection.CapVersion = Math.Max(connection.CapVersion, v);
                    if (v >= 302)
                        connection.Capabilities |= IrcCapabilities.CapNotify;
                }

                connection.FromServer("CAP", target, "LS", connection.CapVersion >= 302 ? IrcCapabilityNames.AllWithValues : IrcCapabilityNames.All);
                break;
            case "LIST":
                connection.FromServer("CAP", target, "LIST", IrcCapabilityNames.Format(connection.Capabilities));
                break;
            case "REQ":
                StartNegotiation(connection);
                var requested = message.GetParameter(1) ?? "";
                var ok = TryApply(connection, requested);
                connection.FromServer("CAP", target, ok ? "ACK" : "NAK", requested);
                break;
            case "END":
                if (!connection.IsRegistered && connection.CapNegotiating)
                {
                    connection.CapNegotiating = false;
                    // Registration ends any SASL exchange still going (IRCv3 sasl-3.1).
                    if (connection.Sasl is not null)
                    {
                        connection.Sasl = null;
                        connection.Numeric(IrcNumerics.ERR_SASLABORTED, "SASL authentication aborted");
                    }

                    return connection.TryCompleteRegistrationAsync();
                }

                break;
            default:
                connection.Numeric(IrcNumerics.ERR_INVALIDCAPCMD, message.Parameters[0], "Invalid CAP command");
                break;
        }

        return ValueTask.CompletedTask;
    }

    private static void StartNegotiation(IrcConnection connection)
    {
        if (!connection.IsRegistered)
            connection.CapNegotiating = true;
    }

    // All or nothing (IRCv3): one unknown name, turning off cap-notify after LS 302, or
    // draft/multiline without batch, NAKs the lot.
    private static bool TryApply(IrcConnection connection, string requested)
    {
        var enable = IrcCapabilities.None;
        var disable = IrcCapabilities.None;
        foreach (var token in requested.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var off = token.StartsWith('-');
            if (!IrcCapabilityNames.TryGet(off ? token[1..] : token, out var capability))
                return false;
            if (off && capability == IrcCapabilities.CapNotify && connection.CapVersion >= 302)
                return false;
            if (off)
                disable |= capability;
            else
                enable |= capability;
        }

        var result = (connection.Capabilities | enable) & ~disable;
        // draft/multiline's batches need batch (ircv3.net/specs/extensions/multiline, "Dependencies").
        if ((result & IrcCapabilities.Multiline) != 0 && (result & IrcCapabilities.Batch) == 0)
            return false;
        connection.Capabilities = result;
        return true;
    }
}
