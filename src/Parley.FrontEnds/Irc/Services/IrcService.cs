using Parley.Protocols.Irc;

namespace Parley.FrontEnds.Irc.Services;

/// <summary>
/// An in-band service reached as <c>PRIVMSG NickServ :REGISTER ...</c> (or an alias command such as
/// <c>NS</c>), answering by NOTICE from <c>Service!Service@services</c>, as Anope, Atheme and Ergo
/// do. A service parses its text and calls the core; it keeps no state of its own.
/// </summary>
/// <remarks>Stateless singletons; runs on the asking connection's read loop.</remarks>
internal abstract class IrcService
{
    /// <summary>The host part of every service's mask.</summary>
    public const string Host = "services";

    /// <summary>The service's nick (reserved in the core: <see cref="Core.Presence.ServiceNicks"/>).</summary>
    public abstract string Nick { get; }

    /// <summary>The service's <c>nick!user@host</c>, the source of its NOTICEs.</summary>
    public string Mask => $"{Nick}!{Nick}@{Host}";

    /// <summary>Runs one request: the text of a PRIVMSG to the service.</summary>
    /// <param name="connection">The asking connection.</param>
    /// <param name="text">The request, e.g. <c>IDENTIFY alice secret</c>.</param>
    public ValueTask HandleAsync(IrcConnection connection, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            Help(connection);
            return ValueTask.CompletedTask;
        }

        return RunAsync(connection, words[0].ToUpperInvariant(), words[1..]);
    }

    /// <summary>Runs a request by its upper-case verb and the words after it.</summary>
    protected abstract ValueTask RunAsync(IrcConnection connection, string verb, string[] arguments);

    /// <summary>Lists the service's commands.</summary>
    protected abstract void Help(IrcConnection connection);

    /// <summary>Answers with a NOTICE from the service to the asker.</summary>
    protected void Notice(IrcConnection connection, string text) =>
        connection.Reply(new IrcMessage(Mask, "NOTICE", connection.Session.Nick ?? "*", text));

    /// <summary>The answer to a verb the service does not know.</summary>
    protected void Unknown(IrcConnection connection, string verb) =>
        Notice(connection, $"Unknown command {verb}. Type /msg {Nick} HELP for a list of commands.");

    /// <summary>The answer to a request missing its arguments.</summary>
    protected void Syntax(IrcConnection connection, string usage) => Notice(connection, $"Syntax: {usage}");

    /// <summary>
    /// Whether a password may be sent on this connection (<c>Parley:Tls:RequireForLogin</c>); if not,
    /// says so, as PASS and SASL do.
    /// </summary>
    protected bool PasswordAllowed(IrcConnection connection)
    {
        if (connection.FrontEnd.LoginPolicy.PasswordAllowed(connection.Session.Security))
            return true;
        Notice(connection, $"Passwords are refused on a plain connection: connect with TLS ({connection.FrontEnd.TlsPortHint}), and change your password if it crossed an untrusted network");
        return false;
    }
}
