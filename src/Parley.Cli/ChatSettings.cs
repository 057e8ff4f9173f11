namespace Parley.Cli;

/// <summary>What the command line asked for.</summary>
/// <param name="Name">The nick, or <see langword="null"/> when not given.</param>
/// <param name="Host">The server host.</param>
/// <param name="Port">The server port.</param>
/// <param name="Password">
/// The account password from <c>--password &lt;password&gt;</c> or <c>PARLEY_PASSWORD</c>, or
/// <see langword="null"/>: then the nick is used as a guest (interactive mode asks for a password
/// when the server says the nick is registered).
/// </param>
/// <param name="AskPassword">Whether <c>--password</c> was given without a value: ask with hidden typing.</param>
internal sealed record ChatSettings(string? Name, string Host, int Port, string? Password = null, bool AskPassword = false)
{
    /// <summary>Connect over TLS (<c>--tls</c>, or implied by the TLS port).</summary>
    public bool Tls { get; init; }

    /// <summary>The fingerprint to trust on first contact (<c>--trust-fingerprint</c>), or <see langword="null"/>.</summary>
    public string? TrustFingerprint { get; init; }

    /// <summary>The client certificate file (<c>--client-cert</c>), or <see langword="null"/>.</summary>
    public string? ClientCertificatePath { get; init; }

    /// <summary>The client certificate's PEM key (<c>--client-key</c>), or <see langword="null"/>.</summary>
    public string? ClientKeyPath { get; init; }

    /// <summary>The known_hosts file (<c>--known-hosts</c>); <see langword="null"/> for the default.</summary>
    public string? KnownHostsPath { get; init; }

    /// <summary>The interactive input history file (<see cref="Editing.InputHistory.DefaultPath"/>), or <see langword="null"/> to keep none.</summary>
    public string? HistoryPath { get; init; }
}
