using Parley.Client;
using Parley.Protocols.Line;

namespace Parley.Cli;

/// <summary>
/// Piped mode: each input line is sent and its final reply awaited; replies and incoming lines are
/// printed as plain text. Exits 0 when every command got <c>OK</c>, 1 when any got <c>ERR</c>.
/// </summary>
internal static class PipedChat
{
    public static async Task<int> RunAsync(ChatSettings settings, ChatIo io, CancellationToken cancellationToken)
    {
        var certificateLogin = settings.ClientCertificatePath is not null;
        if (string.IsNullOrWhiteSpace(settings.Name) && !certificateLogin)
        {
            await io.Error.WriteLineAsync("parley: --name is required when input is not a terminal (or --client-cert, to log in with a certificate).");
            return ExitCodes.RegistrationRefused;
        }

        if (settings.AskPassword)
        {
            await io.Error.WriteLineAsync("parley: cannot ask for a password when input is not a terminal; set PARLEY_PASSWORD or give --password <password>.");
            return ExitCodes.RegistrationRefused;
        }

        var connection = await ChatSession.ConnectAsync(settings, io, interactive: false, cancellationToken);
        if (connection is null)
        {
            return ExitCodes.ConnectionFailed;
        }

        await using (connection)
        {
            void Show(ServerLine line) => io.Output.WriteLine(LineFormatter.Format(line));

            io.Output.WriteLine($"*** {ChatSession.Greeting(connection.Greeting, signsIn: true)}");
            var printer = PrintIncomingAsync(connection, Show);
            try
            {
                if (!await ChatSession.SignInAsync(
                    connection, NullIfBlank(settings.Name), settings.Password, certificateLogin, null, io, Show, cancellationToken))
                {
                    return ExitCodes.RegistrationRefused;
                }

                var exitCode = await SendAllAsync(connection, io, Show, cancellationToken);
                await connection.Completion.WaitAsync(ChatSession.QuitTimeout, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return exitCode;
            }
            catch (ParleyConnectionException ex)
            {
                await io.Error.WriteLineAsync($"parley: {ex.Message}");
                return ExitCodes.ConnectionFailed;
            }
            finally
            {
                await connection.DisposeAsync();
                await printer;
            }
        }
    }

    private static async Task<int> SendAllAsync(ParleyConnection connection, ChatIo io, Action<ServerLine> show, CancellationToken cancellationToken)
    {
        var anyFailed = false;
        while (await io.Input.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue; // The server ignores blank lines and sends no reply: nothing to wait for.
            }

            if (ChatSession.IsQuit(line, out var quit))
            {
                ShowQuit(await ChatSession.QuitAsync(connection, quit), show);
                return anyFailed ? ExitCodes.CommandFailed : ExitCodes.Success;
            }

            var reply = await connection.SendCommandAsync(line, cancellationToken);
            Show(reply, show);
            anyFailed |= !reply.IsSuccess;
            if (reply.Final.Kind == ServerLineKind.Bye)
            {
                return anyFailed ? ExitCodes.CommandFailed : ExitCodes.Success;
            }
        }

        // End of input: leave politely.
        ShowQuit(await ChatSession.QuitAsync(connection, "/quit"), show);
        return anyFailed ? ExitCodes.CommandFailed : ExitCodes.Success;
    }

    private static void Show(CommandReply reply, Action<ServerLine> show)
    {
        foreach (var data in reply.Data)
        {
            show(data);
        }

        show(reply.Final);
    }

    private static void ShowQuit(ServerLine? bye, Action<ServerLine> show)
    {
        if (bye is not null)
        {
            show(bye);
        }
    }

    private static async Task PrintIncomingAsync(ParleyConnection connection, Action<ServerLine> show)
    {
        await foreach (var line in connection.Incoming.ReadAllAsync())
        {
            show(line);
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
