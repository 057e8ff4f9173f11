namespace Parley.Server.Connections;

/// <summary>Whether a new connection may in, and if not, why.</summary>
internal enum AdmissionVerdict
{
    /// <summary>Admitted: it holds a place until it closes.</summary>
    Admitted,

    /// <summary>The server-wide cap (<see cref="AdmissionOptions.MaxConnections"/>) is reached.</summary>
    ServerFull,

    /// <summary>Its address already has <see cref="AdmissionOptions.MaxConnectionsPerAddress"/> open.</summary>
    TooManyFromAddress,

    /// <summary>Its address opened <see cref="AdmissionOptions.MaxNewConnectionsPerAddress"/> within the window.</summary>
    TooManyNewFromAddress,
}
