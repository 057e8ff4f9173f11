using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    /// <summary>
    /// Drops the operator rights a session gained through an operator account (IRC's <c>MODE nick -o</c>).
    /// A session logged in to an operator account stays an operator (<see cref="Moderation.OperatorPolicy"/>).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <returns>True when it was an operator and no longer is.</returns>
    public bool DropOperator(ChatSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.OperatorAccount is null)
            return false;
        session.OperatorAccount = null;
        return !Operators.IsOperator(session);
    }
}
