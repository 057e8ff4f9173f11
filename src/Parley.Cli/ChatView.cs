using System.Text;
using System.Threading.Channels;

namespace Parley.Cli;

/// <summary>
/// The plain interactive screen, for a terminal RadLine cannot drive (see
/// <see cref="Editing.ChatLineEditor"/>): a prompt line the user types on (Backspace, Ctrl+U and
/// Escape only), with incoming lines printed above it the moment they arrive. The line being typed
/// is erased, the message printed, and the prompt and buffer redrawn below it, so typing is never
/// lost and messages never wait for Enter.
/// </summary>
/// <remarks>Thread safe: every write to the terminal takes one lock, so lines never interleave.</remarks>
internal sealed class ChatView : IChatScreen
{
    // ANSI: carriage return, then erase the whole line.
    private const string ClearLine = "\r\x1b[2K";
    private const string Prompt = "> ";

    private readonly Lock _lock = new();
    private readonly StringBuilder _buffer = new();
    private readonly TextWriter _output;

    public ChatView(TextWriter output)
    {
        _output = output;
    }

    /// <summary>The text typed so far on the prompt line.</summary>
    public string Buffer
    {
        get
        {
            lock (_lock)
            {
                return _buffer.ToString();
            }
        }
    }

    /// <summary>Draws the prompt and the buffer on the current line.</summary>
    public void ShowPrompt()
    {
        lock (_lock)
        {
            _output.Write(ClearLine + Prompt + _buffer);
            _output.Flush();
        }
    }

    /// <summary>Prints a whole line above the prompt, then redraws the prompt and what was being typed.</summary>
    public void WriteLine(string text)
    {
        lock (_lock)
        {
            _output.Write(ClearLine);
            _output.Write(text);
            _output.Write('\n');
            _output.Write(Prompt + _buffer);
            _output.Flush();
        }
    }

    /// <summary>Erases the prompt line, leaving the cursor at the start of an empty line.</summary>
    public void ClearPrompt()
    {
        lock (_lock)
        {
            _output.Write(ClearLine);
            _output.Flush();
        }
    }

    /// <summary>Applies one key to the buffer; returns the line when Enter submits it, else <see langword="null"/>.</summary>
    public string? HandleKey(ConsoleKeyInfo key)
    {
        lock (_lock)
        {
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    var line = _buffer.ToString();
                    _buffer.Clear();
                    _output.Write(ClearLine + Prompt + line + "\n" + Prompt);
                    _output.Flush();
                    return line;

                case ConsoleKey.Backspace:
                    RemoveLastChar();
                    break;

                case ConsoleKey.Escape:
                    _buffer.Clear();
                    break;

                default:
                    if (key.Modifiers.HasFlag(ConsoleModifiers.Control) && key.Key == ConsoleKey.U)
                    {
                        _buffer.Clear();
                    }
                    else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                    {
                        _buffer.Append(key.KeyChar);
                    }

                    break;
            }

            _output.Write(ClearLine + Prompt + _buffer);
            _output.Flush();
            return null;
        }
    }

    private void RemoveLastChar()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        // A surrogate pair is one character on screen: remove both halves.
        var remove = _buffer.Length >= 2 && char.IsLowSurrogate(_buffer[^1]) && char.IsHighSurrogate(_buffer[^2]) ? 2 : 1;
        _buffer.Length -= remove;
    }

    /// <summary>
    /// Reads keys on a background thread of its own: <see cref="Console.ReadKey(bool)"/> blocks and
    /// cannot be cancelled, so when the chat ends that thread is abandoned (the process exits with it).
    /// </summary>
    public async Task ReadLinesAsync(ChannelWriter<string> typed, CancellationToken cancellationToken)
    {
        ShowPrompt();
        _ = Task.Factory.StartNew(() => ReadKeys(typed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private void ReadKeys(ChannelWriter<string> typed)
    {
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (HandleKey(key) is { } line && !typed.TryWrite(line))
            {
                return;
            }
        }
    }
}
