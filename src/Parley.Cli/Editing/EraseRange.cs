namespace Parley.Cli.Editing;

/// <summary>What an <see cref="EraseCommand"/> removes from the line being typed (the readline names in brackets).</summary>
internal enum EraseRange
{
    /// <summary>The word before the cursor and the spaces after it (Ctrl+W, <c>unix-word-rubout</c>; Alt+Backspace).</summary>
    WordBefore,

    /// <summary>The spaces and the word after the cursor (Alt+D, <c>kill-word</c>).</summary>
    WordAfter,

    /// <summary>Everything before the cursor (Ctrl+U, <c>unix-line-discard</c>).</summary>
    ToStart,

    /// <summary>Everything from the cursor on (Ctrl+K, <c>kill-line</c>).</summary>
    ToEnd,

    /// <summary>The whole line (Escape).</summary>
    Line,
}
