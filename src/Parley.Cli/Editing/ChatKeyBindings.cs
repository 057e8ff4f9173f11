using RadLine;

namespace Parley.Cli.Editing;

/// <summary>
/// The editor's keys, as readline and most chat clients have them (the README lists them):
/// Left/Right, Home/End (Ctrl+A/Ctrl+E), Ctrl+Left/Ctrl+Right and Alt+B/Alt+F by word,
/// Backspace/Delete, Ctrl+W and Alt+Backspace erase the word before, Alt+D the word after,
/// Ctrl+U to the start, Ctrl+K to the end, Escape the line; Up/Down walk the history; Tab and
/// Shift+Tab complete; Enter sends.
/// </summary>
internal static class ChatKeyBindings
{
    /// <summary>Replaces RadLine's default keys (multi-line moves on Up/Down, its own history) with ours.</summary>
    public static void Apply(KeyBindings bindings, InputHistory history)
    {
        bindings.Clear();

        // Keys without modifiers first: for a plain key RadLine takes the first binding of that
        // key in the order they were added, whatever its modifiers.
        bindings.Add<SubmitCommand>(ConsoleKey.Enter);
        bindings.Add(ConsoleKey.Tab, () => new AutoCompleteCommand(AutoComplete.Next));
        bindings.Add<BackspaceCommand>(ConsoleKey.Backspace);
        bindings.Add<DeleteCommand>(ConsoleKey.Delete);
        bindings.Add<MoveLeftCommand>(ConsoleKey.LeftArrow);
        bindings.Add<MoveRightCommand>(ConsoleKey.RightArrow);
        bindings.Add<MoveHomeCommand>(ConsoleKey.Home);
        bindings.Add<MoveEndCommand>(ConsoleKey.End);
        bindings.Add(ConsoleKey.UpArrow, () => new HistoryCommand(history, older: true));
        bindings.Add(ConsoleKey.DownArrow, () => new HistoryCommand(history, older: false));
        bindings.Add(ConsoleKey.Escape, () => new EraseCommand(EraseRange.Line));

        bindings.Add(ConsoleKey.Tab, ConsoleModifiers.Shift, () => new AutoCompleteCommand(AutoComplete.Previous));
        bindings.Add(ConsoleKey.A, ConsoleModifiers.Control, () => new MoveHomeCommand());
        bindings.Add(ConsoleKey.E, ConsoleModifiers.Control, () => new MoveEndCommand());
        bindings.Add(ConsoleKey.B, ConsoleModifiers.Control, () => new MoveLeftCommand());
        bindings.Add(ConsoleKey.F, ConsoleModifiers.Control, () => new MoveRightCommand());
        bindings.Add(ConsoleKey.LeftArrow, ConsoleModifiers.Control, () => new PreviousWordCommand());
        bindings.Add(ConsoleKey.RightArrow, ConsoleModifiers.Control, () => new NextWordCommand());
        bindings.Add(ConsoleKey.B, ConsoleModifiers.Alt, () => new PreviousWordCommand());
        bindings.Add(ConsoleKey.F, ConsoleModifiers.Alt, () => new NextWordCommand());
        bindings.Add(ConsoleKey.W, ConsoleModifiers.Control, () => new EraseCommand(EraseRange.WordBefore));
        bindings.Add(ConsoleKey.Backspace, ConsoleModifiers.Alt, () => new EraseCommand(EraseRange.WordBefore));
        bindings.Add(ConsoleKey.D, ConsoleModifiers.Alt, () => new EraseCommand(EraseRange.WordAfter));
        bindings.Add(ConsoleKey.U, ConsoleModifiers.Control, () => new EraseCommand(EraseRange.ToStart));
        bindings.Add(ConsoleKey.K, ConsoleModifiers.Control, () => new EraseCommand(EraseRange.ToEnd));
        bindings.Add(ConsoleKey.P, ConsoleModifiers.Control, () => new HistoryCommand(history, older: true));
        bindings.Add(ConsoleKey.N, ConsoleModifiers.Control, () => new HistoryCommand(history, older: false));
    }
}
