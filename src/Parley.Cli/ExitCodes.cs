namespace Parley.Cli;

/// <summary>The process exit codes of <c>parley</c>.</summary>
internal static class ExitCodes
{
    /// <summary>Every command succeeded (or the user left normally).</summary>
    public const int Success = 0;

    /// <summary>At least one command was refused with <c>ERR</c> (piped mode); also bad arguments.</summary>
    public const int CommandFailed = 1;

    /// <summary>The server could not be reached, or the connection failed.</summary>
    public const int ConnectionFailed = 2;

    /// <summary>No nick given, or the server refused it (<c>INVALID_NICK</c>, <c>NICK_TAKEN</c>).</summary>
    public const int RegistrationRefused = 3;

    /// <summary>
    /// The server closed an interactive chat (shutdown, <c>/kill</c>, a ban, a dropped network): the
    /// user did not leave, so a script or a wrapper can tell it from <c>/quit</c> (0) and reconnect.
    /// </summary>
    public const int ServerClosed = 4;
}
