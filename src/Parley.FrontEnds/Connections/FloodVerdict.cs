namespace Parley.FrontEnds.Connections;

/// <summary>What <see cref="FloodGate.Check"/> decided about one command.</summary>
internal enum FloodVerdict
{
    /// <summary>Run it.</summary>
    Allowed,

    /// <summary>Refuse it with <c>ERR FLOOD</c>.</summary>
    Refused,

    /// <summary>Refused too often: close the connection.</summary>
    Abusive,
}
