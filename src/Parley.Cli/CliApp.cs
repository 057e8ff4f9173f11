using System.CommandLine;

namespace Parley.Cli;

/// <summary>The <c>parley</c> command line: arguments, then an interactive or a piped chat.</summary>
internal static class CliApp
{
    /// <summary>Runs <c>parley</c> with the given arguments and console streams.</summary>
    /// <param name="args">The command-line arguments (<c>--name</c>, <c>--host</c>, <c>--port</c>, <c>--password</c>, <c>--help</c>).</param>
    /// <param name="input">Where typed or piped lines come from. Interactive mode reads keys from the console instead, and this only for the nick prompt.</param>
    /// <param name="output">Where server lines are shown.</param>
    /// <param name="error">Where failures are reported.</param>
    /// <param name="interactive">Whether a person is at a terminal: live redraw and colours; otherwise piped mode.</param>
    /// <param name="cancellationToken">Stops the chat (Ctrl+C).</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive, CancellationToken cancellationToken = default) =>
        RunAsync(args, input, output, error, interactive, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>Runs <c>parley</c> with the given arguments, console streams and environment.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="input">Where typed or piped lines come from.</param>
    /// <param name="output">Where server lines are shown.</param>
    /// <param name="error">Where failures are reported.</param>
    /// <param name="interactive">Whether a person is at a terminal.</param>
    /// <param name="environment">Reads an environment variable (<c>PARLEY_PASSWORD</c>).</param>
    /// <param name="cancellationToken">Stops the chat (Ctrl+C).</param>
    /// <returns>The exit code, one of <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(
        string[] args, TextReader input, TextWriter output, TextWriter error, bool interactive,
        Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var name = new Option<string?>("--name", "-n")
        {
            Description = "Your nick: 1-32 letters, digits, _ or -. Asked for when missing and interactive.",
        };
        var host = new Option<string>("--host")
        {
            Description = "Server host name or address.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port", "-p")
        {
            Description = "Server TCP port.",
            DefaultValueFactory = _ => 55555,
        };
        port.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 65535)
            {
                result.AddError($"--port must be 1-65535, not {value}.");
            }
        });

        var password = new Option<string?>("--password")
        {
            Description = "Log in to your account. Alone, asks with hidden typing; with a value, uses it (visible to other users "
                + "of this machine: prefer the prompt or the PARLEY_PASSWORD environment variable).",
            Arity = ArgumentArity.ZeroOrOne,
        };

        var root = new RootCommand("Parley console chat client. Type /help once connected; exit or /quit leaves. "
            + "Logs in when a password comes from --password or PARLEY_PASSWORD.")
        {
            name,
            host,
            port,
            password,
        };
        root.SetAction((parseResult, token) =>
        {
            var given = parseResult.GetResult(password) is { Implicit: false };
            var value = parseResult.GetValue(password);
            var settings = new ChatSettings(
                parseResult.GetValue(name),
                parseResult.GetValue(host) ?? "127.0.0.1",
                parseResult.GetValue(port),
                Password: given ? value : NullIfEmpty(environment("PARLEY_PASSWORD")),
                AskPassword: given && string.IsNullOrEmpty(value));
            var io = new ChatIo(input, output, error);
            return interactive
                ? InteractiveChat.RunAsync(settings, io, token)
                : PipedChat.RunAsync(settings, io, token);
        });

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
