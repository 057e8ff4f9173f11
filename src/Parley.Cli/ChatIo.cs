namespace Parley.Cli;

/// <summary>The text streams a chat uses; <see cref="Output"/> and <see cref="Error"/> are synchronized.</summary>
internal sealed class ChatIo
{
    public ChatIo(TextReader input, TextWriter output, TextWriter error)
    {
        Input = input;
        Output = TextWriter.Synchronized(output);
        Error = TextWriter.Synchronized(error);
    }

    public TextReader Input { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }
}
