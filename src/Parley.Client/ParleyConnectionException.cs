namespace Parley.Client;

/// <summary>
/// The connection to the server failed or was closed: no greeting, a protocol violation, or the
/// server went away while a command waited for its reply.
/// </summary>
public class ParleyConnectionException : IOException
{
    /// <summary>Creates the exception with a default message.</summary>
    public ParleyConnectionException()
        : base("The connection to the Parley server was closed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ParleyConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ParleyConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
