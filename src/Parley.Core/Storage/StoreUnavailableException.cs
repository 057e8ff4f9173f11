namespace Parley.Core.Storage;

/// <summary>
/// A storage provider could not open its store (a missing or unwritable directory, a file that
/// is no database, a server that refuses the connection). The host turns it into one start-up
/// line naming the setting to fix.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what could not be opened and why.</param>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">One line: what could not be opened and why.</param>
    /// <param name="innerException">The provider's own error.</param>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
