using System.Collections.Concurrent;
using RadLine;

namespace Parley.Cli.Editing;

/// <summary>
/// RadLine's keys, with the lines to print slipped in between them. RadLine redraws the line being
/// typed after every key it reads; it has no call to print above it. So a line to print waits here
/// until RadLine next asks for a key (it polls every few milliseconds): then it is printed over the
/// prompt line, and <see cref="Redraw"/>, a key bound to nothing, is returned, so RadLine draws the
/// prompt, the typed text and the cursor again on the line below. Printing and redrawing thus
/// happen on RadLine's own loop and never interleave.
/// </summary>
/// <remarks>
/// Thread safe for <see cref="Enqueue"/>; the other members are RadLine's, called from its loop.
/// Terminals send Alt+key as Escape then the key; a key that arrives with the Escape is read as
/// Alt+that key (readline does the same).
/// </remarks>
internal sealed class ChatInputSource : IInputSource
{
    /// <summary>The key that makes RadLine redraw: F24, which no binding uses and few keyboards have.</summary>
    public static readonly ConsoleKeyInfo Redraw = new('\0', ConsoleKey.F24, shift: false, alt: false, control: false);

    // ANSI: carriage return, then erase the whole line (the prompt line being printed over).
    private const string ClearLine = "\r\x1b[2K";

    private readonly ConcurrentQueue<string> _pending = new();
    private readonly TextWriter _output;
    private readonly Func<bool> _keyAvailable;
    private readonly Func<ConsoleKeyInfo> _readKey;

    /// <summary>Reads the console's keys; prints to <paramref name="output"/>.</summary>
    public ChatInputSource(TextWriter output)
        : this(output, () => Console.KeyAvailable, () => Console.ReadKey(intercept: true))
    {
    }

    /// <summary>Reads keys from <paramref name="readKey"/> (tests script them).</summary>
    public ChatInputSource(TextWriter output, Func<bool> keyAvailable, Func<ConsoleKeyInfo> readKey)
    {
        _output = output;
        _keyAvailable = keyAvailable;
        _readKey = readKey;
    }

    /// <summary>Always <see langword="true"/>: a fast burst of keys (a paste) is typed as it is.</summary>
    public bool ByPassProcessing => true;

    /// <summary>Queues <paramref name="line"/> to print above the prompt at the next key RadLine asks for.</summary>
    public void Enqueue(string line) => _pending.Enqueue(line);

    /// <summary>Prints the queued lines over the current line, leaving the cursor at the start of the line below.</summary>
    /// <returns>Whether there were any.</returns>
    public bool PrintPending()
    {
        if (_pending.IsEmpty)
        {
            return false;
        }

        while (_pending.TryDequeue(out var line))
        {
            _output.Write(ClearLine);
            _output.Write(line);
            _output.Write('\n');
        }

        _output.Flush();
        return true;
    }

    public bool IsKeyAvailable() => !_pending.IsEmpty || _keyAvailable();

    public ConsoleKeyInfo ReadKey()
    {
        if (PrintPending())
        {
            return Redraw;
        }

        var key = _readKey();
        if (key.Key == ConsoleKey.Escape && _keyAvailable())
        {
            var next = _readKey();
            return AsAlt(next);
        }

        return key.Modifiers.HasFlag(ConsoleModifiers.Alt) ? AsAlt(key) : key;
    }

    // RadLine inserts any printable character before it looks at bindings: an Alt+key carries none.
    private static ConsoleKeyInfo AsAlt(ConsoleKeyInfo key) => new(
        '\0', key.Key, key.Modifiers.HasFlag(ConsoleModifiers.Shift), alt: true, key.Modifiers.HasFlag(ConsoleModifiers.Control));
}
