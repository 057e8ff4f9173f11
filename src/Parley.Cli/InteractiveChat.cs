using System.Threading.Channels;
using Parley.Cli.Editing;
using Parley.Client;
using Parley.Protocols.Line;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Interactive mode: lines are typed in a line editor (<see cref="ChatLineEditor"/>; the plain
/// <see cref="ChatView"/> where RadLine cannot run), incoming lines are printed the moment they
/// arrive, and the line being typed is redrawn below them.
/// </summary>
internal static class InteractiveChat
{
    public static async Task<int> RunAsync(ChatSettings settings, ChatIo io, CancellationToken cancellationToken)
    {
        var nick = settings.Name;
        var certificateLogin = settings.ClientCertificatePath is not null && settings.Password is null && !settings.AskPassword;
        if (string.IsNullOrWhiteSpace(nick) && certificateLogin)
        {
            nick = null; // Certificate login: the server knows whose certificate it is.
        }
        else if (string.IsNullOrWhiteSpace(nick))
        {
            await io.Output.WriteAsync("nick: ");
            await io.Output.FlushAsync(cancellationToken);
            nick = (await io.Input.ReadLineAsync(cancellationToken))?.Trim();
            if (string.IsNullOrEmpty(nick))
            {
                await io.Error.WriteLineAsync("parley: a nick is required.");
                return ExitCodes.RegistrationRefused;
            }
        }

        var password = settings.Password;
        if (settings.AskPassword)
        {
            password = PasswordPrompt.Read(io.Output, $"password for {nick}: ");
            if (password is null)
            {
                await io.Error.WriteLineAsync("parley: no password given.");
                return ExitCodes.RegistrationRefused;
            }
        }

        var connection = await ChatSession.ConnectAsync(settings, io, interactive: true, cancellationToken);
        if (connection is null)
        {
            return ExitCodes.ConnectionFailed;
        }

        await using (connection)
        {
            // Spectre.Console detects what the terminal supports (TERM, NO_COLOR, redirection).
            var color = AnsiConsole.Profile.Capabilities.Ansi
                && AnsiConsole.Profile.Capabilities.ColorSystem != ColorSystem.NoColors;
            // Tab completion learns nicks, rooms and commands from every line shown.
            var completion = new ChatCompletion();
            IChatScreen view = ChatLineEditor.IsSupported(AnsiConsole.Console)
                ? new ChatLineEditor(AnsiConsole.Console, io.Output, InputHistory.Load(settings.HistoryPath), completion)
                : new ChatView(io.Output);
            void Show(ServerLine line)
            {
                completion.Observe(line);
                view.WriteLine(LineFormatter.Format(line, color));
            }

            view.WriteLine(LineFormatter.Format(new ServerLine(ServerLineKind.Hello, "") { Text = ChatSession.Greeting(connection.Greeting, nick is not null || certificateLogin) }, color));
            var printer = PrintIncomingAsync(connection, Show);
            try
            {
                // A registered nick without a password: ask for it, typing hidden, and log in.
                string? Ask(string registered)
                {
                    view.ClearPrompt();
                    return PasswordPrompt.Read(io.Output, $"{registered} is registered; password: ");
                }

                if (!await ChatSession.SignInAsync(connection, nick, password, certificateLogin, Ask, io, Show, cancellationToken))
                {
                    return ExitCodes.RegistrationRefused;
                }

                return await ChatAsync(connection, view, Show, cancellationToken);
            }
            catch (ParleyConnectionException ex)
            {
                view.WriteLine($"*** {ex.Message}");
                return ExitCodes.ConnectionFailed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
            finally
            {
                await connection.DisposeAsync();
                await printer;
                view.ClearPrompt();
            }
        }
    }

    private static async Task<int> ChatAsync(ParleyConnection connection, IChatScreen view, Action<ServerLine> show, CancellationToken cancellationToken)
    {
        var typed = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = view.ReadLinesAsync(typed.Writer, stopReading.Token);
        _ = connection.Completion.ContinueWith(_ => typed.Writer.TryComplete(), TaskScheduler.Default);
        try
        {
            await foreach (var line in typed.Reader.ReadAllAsync(cancellationToken))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (ChatSession.IsQuit(line, out var quit))
                {
                    var bye = await ChatSession.QuitAsync(connection, quit);
                    if (bye is not null)
                    {
                        show(bye);
                    }

                    return ExitCodes.Success;
                }

                var reply = await connection.SendCommandAsync(line, cancellationToken);
                foreach (var data in reply.Data)
                {
                    show(data);
                }

                show(reply.Final);
            }

            // The server closed the connection (shutdown, killed, banned, network): not the user's doing.
            view.WriteLine("*** disconnected by the server");
            return connection.Error is null ? ExitCodes.ServerClosed : ExitCodes.ConnectionFailed;
        }
        finally
        {
            // Stop the editor before leaving, so what it still had to print is printed.
            await stopReading.CancelAsync();
            await reading;
        }
    }

    private static async Task PrintIncomingAsync(ParleyConnection connection, Action<ServerLine> show)
    {
        await foreach (var line in connection.Incoming.ReadAllAsync())
        {
            show(line);
        }
    }
}
