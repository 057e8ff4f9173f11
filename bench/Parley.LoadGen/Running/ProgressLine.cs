namespace Parley.LoadGen.Running;

/// <summary>
/// The live progress line on stderr: once a second, the text a phase supplies. On a terminal it
/// rewrites one line; redirected, it writes one line per second (a log of the run).
/// </summary>
internal sealed class ProgressLine
{
    private readonly bool _enabled;
    private readonly bool _terminal = !Console.IsErrorRedirected;

    /// <summary>A progress line, or a silent one when <paramref name="enabled"/> is false.</summary>
    public ProgressLine(bool enabled) => _enabled = enabled;

    /// <summary>Prints <paramref name="status"/> every second until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(Func<string> status, CancellationToken cancellationToken)
    {
        if (!_enabled)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                Write(status());
        }
        catch (OperationCanceledException)
        {
        }

        if (_terminal)
            Console.Error.Write("\r\x1b[K");
    }

    private void Write(string text)
    {
        if (_terminal)
            Console.Error.Write("\r\x1b[K" + text);
        else
            Console.Error.WriteLine(text);
    }
}
