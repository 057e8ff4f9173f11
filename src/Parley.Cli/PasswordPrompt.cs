using System.Text;

namespace Parley.Cli;

/// <summary>Reads a password from the terminal without showing what is typed.</summary>
internal static class PasswordPrompt
{
    /// <summary>
    /// Shows <paramref name="prompt"/> and reads keys until Enter, echoing nothing (as <c>sudo</c>
    /// does); Backspace deletes. Needs a terminal: only interactive mode calls it.
    /// </summary>
    /// <returns>The password typed, or <see langword="null"/> when it is empty.</returns>
    public static string? Read(TextWriter output, string prompt)
    {
        output.Write(prompt);
        output.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        output.WriteLine();
        return typed.Length == 0 ? null : typed.ToString();
    }
}
