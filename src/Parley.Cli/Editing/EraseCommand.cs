using RadLine;

namespace Parley.Cli.Editing;

/// <summary>
/// Removes part of the line being typed, as readline's kill commands do (without a kill ring):
/// RadLine has Backspace and Delete but no word or line erasing.
/// </summary>
internal sealed class EraseCommand(EraseRange range) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var text = buffer.Content;
        var (start, end) = range switch
        {
            EraseRange.WordBefore => (WordStartBefore(text, buffer.Position), buffer.Position),
            EraseRange.WordAfter => (buffer.Position, WordEndAfter(text, buffer.Position)),
            EraseRange.ToStart => (0, buffer.Position),
            EraseRange.ToEnd => (buffer.Position, text.Length),
            _ => (0, text.Length),
        };
        if (end <= start)
        {
            return;
        }

        buffer.Clear(start, end - start);
        buffer.Move(start);
    }

    // Words are separated by white space, as RadLine's word movement (Alt+B, Alt+F) has them.
    private static int WordStartBefore(string text, int position)
    {
        var start = position;
        while (start > 0 && char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    private static int WordEndAfter(string text, int position)
    {
        var end = position;
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }
}
