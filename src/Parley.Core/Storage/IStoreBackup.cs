namespace Parley.Core.Storage;

/// <summary>
/// Port: a consistent copy of everything the store holds, made while the server may be running
/// (<c>parley-server backup FILE</c>). A storage provider that can copy itself registers one; the
/// host says so clearly when the configured provider has none.
/// </summary>
/// <remarks>
/// Resolving it must not open the store for serving (no migrations, no writer): the backup
/// command runs beside a live server.
/// </remarks>
public interface IStoreBackup
{
    /// <summary>Writes a backup to <paramref name="destination"/>, a new file.</summary>
    /// <param name="destination">The file to create; relative paths are from the working directory.</param>
    /// <param name="cancellationToken">Cancels the copy where the provider can.</param>
    /// <returns>What was copied, for the operator's line (e.g. the database file's path).</returns>
    /// <exception cref="FileNotFoundException">There is no store to copy.</exception>
    /// <exception cref="IOException">
    /// <paramref name="destination"/> exists already, or the copy could not be made (the message says why).
    /// </exception>
    /// <exception cref="UnauthorizedAccessException">The destination cannot be written.</exception>
    Task<string> BackupAsync(string destination, CancellationToken cancellationToken = default);
}
