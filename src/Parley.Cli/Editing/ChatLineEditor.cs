using System.Threading.Channels;
using RadLine;
using Spectre.Console;

namespace Parley.Cli.Editing;

/// <summary>
/// The interactive screen on RadLine's line editor: cursor and word editing, history
/// (<see cref="InputHistory"/>), Tab completion (<see cref="ChatCompletion"/>); incoming lines go
/// through <see cref="ChatInputSource"/> so they are printed above the line being typed.
/// </summary>
/// <remarks>Thread safe (<see cref="IChatScreen"/>).</remarks>
internal sealed class ChatLineEditor : IChatScreen
{
    private const string ClearLine = "\r\x1b[2K";

    private readonly Lock _lock = new();
    private readonly TextWriter _output;
    private readonly ChatInputSource _source;
    private readonly LineEditor _editor;
    private readonly InputHistory _history;
    private bool _reading;

    public ChatLineEditor(IAnsiConsole console, TextWriter output, InputHistory history, ChatCompletion completion)
    {
        _output = output;
        _history = history;
        _source = new ChatInputSource(output);
        _editor = new LineEditor(console, _source) { Prompt = new LineEditorPrompt(">"), Completion = completion };
        ChatKeyBindings.Apply(_editor.KeyBindings, history);
    }

    /// <summary>Whether RadLine can drive <paramref name="console"/>: a terminal that understands ANSI.</summary>
    public static bool IsSupported(IAnsiConsole console) => LineEditor.IsSupported(console);

    public void WriteLine(string text)
    {
        lock (_lock)
        {
            if (_reading)
            {
                _source.Enqueue(text);
                return;
            }

            _output.Write(text);
            _output.Write('\n');
            _output.Flush();
        }
    }

    public void ClearPrompt()
    {
        lock (_lock)
        {
            if (!_reading)
            {
                _output.Write(ClearLine);
                _output.Flush();
            }
        }
    }

    public async Task ReadLinesAsync(ChannelWriter<string> typed, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _reading = true;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var line = await _editor.ReadLine(cancellationToken);
                if (line is null)
                {
                    break;
                }

                _history.Add(line);
                if (!typed.TryWrite(line))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // RadLine's key poll throws when cancelled between keys.
        }
        finally
        {
            lock (_lock)
            {
                // RadLine has stopped: print what it had not yet, over the abandoned prompt line.
                _reading = false;
                _output.Write(ClearLine);
                _source.PrintPending();
                _output.Flush();
            }
        }
    }
}
