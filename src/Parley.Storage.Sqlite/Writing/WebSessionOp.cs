namespace Parley.Storage.Sqlite.Writing;

/// <summary>
/// One write to <c>web_sessions</c> (issue, touch, revoke, purge): rare (a sign-in, a page load),
/// so one op type runs a delegate rather than one class per statement.
/// </summary>
/// <typeparam name="T">The statement's result: whether a row changed, or how many.</typeparam>
internal sealed class WebSessionOp<T>(Func<WebSessionStatements, T> write) : WriteOp<T>
{
    public override void Execute(WriterStatements statements) => Value = write(statements.WebSessions);
}
