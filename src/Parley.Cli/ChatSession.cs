using System.Net.Sockets;
using Parley.Client;
using Parley.Protocols.Line;

namespace Parley.Cli;

/// <summary>Steps both chat modes share: connect, register, and what counts as leaving.</summary>
internal static class ChatSession
{
    /// <summary>How long to wait for <c>BYE</c> and the close after <c>/quit</c> before closing anyway.</summary>
    public static readonly TimeSpan QuitTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Connects; on failure reports on <see cref="ChatIo.Error"/> and returns <see langword="null"/>.</summary>
    public static async Task<ParleyConnection?> ConnectAsync(ChatSettings settings, ChatIo io, CancellationToken cancellationToken)
    {
        var options = new ParleyClientOptions { Host = settings.Host, Port = settings.Port };
        try
        {
            return await ParleyConnection.ConnectAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException)
        {
            await io.Error.WriteLineAsync($"parley: cannot connect to {settings.Host}:{settings.Port}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Takes <paramref name="nick"/>: logs in with <paramref name="password"/> when there is one,
    /// else uses it as a guest; when the server says the nick is registered and
    /// <paramref name="askPassword"/> is given, asks for the password and logs in. Shows the reply
    /// (and the messages stored while away); returns <see langword="true"/> on <c>OK</c>, else
    /// reports on <see cref="ChatIo.Error"/>.
    /// </summary>
    public static async Task<bool> SignInAsync(
        ParleyConnection connection, string nick, string? password, Func<string, string?>? askPassword,
        ChatIo io, Action<ServerLine> show, CancellationToken cancellationToken)
    {
        CommandReply reply;
        try
        {
            reply = password is null
                ? await connection.RegisterAsync(nick, cancellationToken)
                : await connection.LoginAsync(nick, password, cancellationToken);
            if (password is null && reply.ErrorCode == LineErrorCodes.NickRegistered && askPassword?.Invoke(nick) is { } asked)
            {
                reply = await connection.LoginAsync(nick, asked, cancellationToken);
            }
        }
        catch (ArgumentException)
        {
            await io.Error.WriteLineAsync($"parley: registration refused: '{nick}' is not a valid nick (1-32 letters, digits, _ or -) or the password holds spaces.");
            return false;
        }

        foreach (var line in reply.Data)
        {
            show(line);
        }

        show(reply.Final);
        if (reply.IsSuccess)
        {
            return true;
        }

        await io.Error.WriteLineAsync($"parley: registration refused: {reply.ErrorCode} {reply.Text}".TrimEnd());
        return false;
    }

    /// <summary>Whether a typed line means "leave": <c>exit</c> or <c>/quit [reason]</c> (any case).</summary>
    public static bool IsQuit(string line, out string command)
    {
        var trimmed = line.Trim();
        if (trimmed.Equals("exit", StringComparison.OrdinalIgnoreCase))
        {
            command = "/quit";
            return true;
        }

        if (trimmed.Equals("/quit", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("/quit ", StringComparison.OrdinalIgnoreCase))
        {
            command = trimmed;
            return true;
        }

        command = line;
        return false;
    }

    /// <summary>Sends a leaving command and waits briefly for <c>BYE</c>; the server closing first is fine.</summary>
    public static async Task<ServerLine?> QuitAsync(ParleyConnection connection, string command)
    {
        try
        {
            var reply = await connection.SendCommandAsync(command).WaitAsync(QuitTimeout);
            return reply.Final;
        }
        catch (Exception ex) when (ex is ParleyConnectionException or TimeoutException)
        {
            return null;
        }
    }
}
