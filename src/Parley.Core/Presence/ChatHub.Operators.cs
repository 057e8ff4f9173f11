using Parley.Core.Sessions;

namespace Parley.Core.Presence;

public sealed partial class ChatHub
{
    // Registered sessions that are server operators. Kept, not counted: every IRC welcome shows it
    // (RPL_LUSEROP), and enumerating every nick made each registration O(users)
    // (docs/benchmarks.md, "Later: the welcome's operator count").
    private int _operatorSessions;
    private int _operatorsCountedGeneration;
    private readonly Lock _operatorRecount = new();

    /// <summary>
    /// Number of registered sessions that are server operators (IRC's <c>RPL_LUSEROP</c>): an
    /// account signed in on two devices counts twice, like two IRC clients with mode <c>o</c>.
    /// </summary>
    /// <remarks>
    /// O(1) and lock-free: kept on sign-in, guest registration, <c>OPER</c>, de-oper, sign-out and
    /// leave. After the operator list is replaced (a reload) the first read recounts every session
    /// once. Thread-safe; a change racing a reload shows at that session's next change.
    /// </remarks>
    public int OperatorsOnline
    {
        get
        {
            if (Operators.Generation != Volatile.Read(ref _operatorsCountedGeneration))
                RecountOperators();
            return Math.Max(0, Volatile.Read(ref _operatorSessions));
        }
    }

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
        SetOperatorAccount(session, null);
        return !Operators.IsOperator(session);
    }

    /// <summary>Sets the operator account a session became an operator through (<c>OPER</c>), or null, and keeps the count.</summary>
    internal void SetOperatorAccount(ChatSession session, string? account)
    {
        session.OperatorAccount = account;
        NoteOperator(session);
    }

    // Called after anything that can make or unmake an operator: presence, OPER account, leaving.
    private void NoteOperator(ChatSession session)
    {
        var now = !session.HasLeft && session.Presence is not null && Operators.IsOperator(session);
        if (session.SetCountedAsOperator(now))
            Interlocked.Add(ref _operatorSessions, now ? 1 : -1);
        // A leave on another thread (a kill, a dead socket) racing this call must not stay counted.
        if (now && session.HasLeft && session.SetCountedAsOperator(false))
            Interlocked.Decrement(ref _operatorSessions);
    }

    // After a reload of the operator list: O(sessions), once per reload.
    private void RecountOperators()
    {
        lock (_operatorRecount)
        {
            var generation = Operators.Generation;
            if (generation == Volatile.Read(ref _operatorsCountedGeneration))
                return;
            foreach (var (_, session) in _sessions)
                NoteOperator(session);
            Volatile.Write(ref _operatorsCountedGeneration, generation);
        }
    }
}
