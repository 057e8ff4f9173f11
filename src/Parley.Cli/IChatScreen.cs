using System.Threading.Channels;

namespace Parley.Cli;

/// <summary>
/// The interactive screen: incoming lines printed above a prompt line the user edits, never
/// breaking into what is being typed.
/// </summary>
/// <remarks>Implementations are thread safe: lines are printed from the connection's reader while keys are read.</remarks>
internal interface IChatScreen
{
    /// <summary>Prints a whole line above the prompt; the prompt, the typed text and the cursor are restored below it.</summary>
    void WriteLine(string text);

    /// <summary>Erases the prompt line, leaving the cursor at the start of an empty line.</summary>
    void ClearPrompt();

    /// <summary>
    /// Shows the prompt and writes each line the user submits to <paramref name="typed"/> until
    /// <paramref name="cancellationToken"/> is cancelled (or <paramref name="typed"/> completes);
    /// lines printed after that go straight to the terminal.
    /// </summary>
    Task ReadLinesAsync(ChannelWriter<string> typed, CancellationToken cancellationToken);
}
