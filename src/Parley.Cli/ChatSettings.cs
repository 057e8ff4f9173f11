namespace Parley.Cli;

/// <summary>What the command line asked for.</summary>
/// <param name="Name">The nick, or <see langword="null"/> when not given.</param>
/// <param name="Host">The server host.</param>
/// <param name="Port">The server port.</param>
internal sealed record ChatSettings(string? Name, string Host, int Port);
