namespace Parley.Server.Hosting;

/// <summary>
/// Which store keeps accounts, messages and rooms (configuration section <c>Parley:Storage</c>).
/// The chosen provider reads its own settings from the same section (for SQLite
/// <c>Synchronous</c>, <c>MaxBatchSize</c>, <c>CommitDelay</c>; its file is in
/// <c>Parley:DataDirectory</c>).
/// </summary>
public sealed record StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Parley:Storage";

    /// <summary>The configuration key of <see cref="Provider"/>.</summary>
    public const string ProviderKey = SectionName + ":Provider";

    /// <summary>
    /// The storage provider, by name, any case: one of <see cref="StorageProviders.Names"/>.
    /// Defaults to <c>sqlite</c>, the embedded database in the data directory. Command line:
    /// <c>--storage</c>; environment <c>Parley__Storage__Provider</c>.
    /// </summary>
    public string Provider { get; init; } = StorageProviders.Default;

    /// <summary>Checks the provider's name; called at start-up.</summary>
    /// <exception cref="ArgumentException">No provider has that name (the message names the allowed ones).</exception>
    public void Validate() => _ = StorageProviders.Find(Provider);
}
