using RadLine;

namespace Parley.Cli.Editing;

/// <summary>
/// Up and Down: replaces the line being typed with an older or newer line from
/// <see cref="InputHistory"/> (ours rather than RadLine's, which keeps every line, passwords too).
/// </summary>
internal sealed class HistoryCommand(InputHistory history, bool older) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var recalled = older ? history.Older(buffer.Content) : history.Newer();
        if (recalled is null)
        {
            return;
        }

        buffer.Clear(0, buffer.Length);
        buffer.Move(0);
        buffer.Insert(recalled);
        buffer.Move(recalled.Length);
    }
}
