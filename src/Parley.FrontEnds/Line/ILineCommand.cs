using Parley.Protocols.Line;

namespace Parley.FrontEnds.Line;

/// <summary>
/// One line-protocol command. The <see cref="LineCommandTable"/> runs the shared checks its
/// metadata asks for (registration, arguments) before <see cref="ExecuteAsync(LineConnection, string)"/> is called.
/// </summary>
/// <remarks>Implementations are stateless singletons, called concurrently for different connections.</remarks>
internal interface ILineCommand
{
    /// <summary>Lower-case name without the slash, e.g. <c>dm</c>.</summary>
    string Name { get; }

    /// <summary>How to call it, for <c>/help</c>, e.g. <c>/dm &lt;nick&gt; &lt;text&gt;</c>.</summary>
    string Usage { get; }

    /// <summary>One line on what it does, for <c>/help</c>.</summary>
    string Summary { get; }

    /// <summary>Whether an unregistered connection may use it.</summary>
    bool AllowedBeforeRegistration { get; }

    /// <summary>Whether an empty argument text is refused with NEED_MORE_PARAMS.</summary>
    bool RequiresArguments { get; }

    /// <summary>Whether only server operators may use it (<see cref="Core.Moderation.OperatorPolicy"/>).</summary>
    bool RequiresServerOperator => false;

    /// <summary>Runs the command; must send exactly one final reply (OK, ERR or BYE).</summary>
    /// <param name="connection">The connection that sent it.</param>
    /// <param name="arguments">The text after the command name, trimmed.</param>
    ValueTask ExecuteAsync(LineConnection connection, string arguments);

    /// <summary>Runs the command with the whole request; by default with its <see cref="LineRequest.Arguments"/>.</summary>
    /// <param name="connection">The connection the request came on.</param>
    /// <param name="request">The request; <see cref="LineRequest.Target"/> is set for a message to one target.</param>
    /// <returns>Completes when the command is done (its final reply may wait for a commit).</returns>
    ValueTask ExecuteAsync(LineConnection connection, LineRequest request) => ExecuteAsync(connection, request.Arguments);
}
