using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Storage.Sqlite.Writing;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>
/// The writer's commit delay (<see cref="SqliteStoreOptions.CommitDelay"/>): writes that only an
/// acknowledgement waits for are held for company, and every early end of the wait works. A
/// writer with an hour's delay on a second connection to a real database file: a test that
/// passes never waits for the delay, so none times anything.
/// </summary>
public sealed class CommitDelayTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _db = new();
    private readonly SqliteConnection _connection;

    public CommitDelayTests()
    {
        _connection = new SqliteConnection(_db.Database.ConnectionString);
        _connection.Open();
    }

    [Fact]
    public async Task A_message_waits_in_the_delay_and_commits_with_the_next_one_once_the_batch_is_full()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 2, Hour, NullLogger.Instance);
        var first = new AcknowledgedOnly();
        var opened = WindowOpenedAsync(writer);
        writer.Enqueue(first);
        await opened.WaitAsync(Patience);
        Assert.Equal(1, writer.WindowsOpened);
        Assert.False(first.Completion.IsCompleted);

        var second = new AcknowledgedOnly();
        writer.Enqueue(second);
        await Task.WhenAll(first.Completion, second.Completion).WaitAsync(Patience);

        Assert.Equal(1, writer.BatchesCommitted);
        Assert.Equal(2, writer.WritesCommitted);
    }

    [Fact]
    public async Task Sixteen_messages_are_enough_company_and_commit_without_waiting_out_the_delay()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 1024, Hour, NullLogger.Instance);
        var messages = Enumerable.Range(0, 16).Select(_ => new AcknowledgedOnly()).ToArray();
        foreach (var message in messages)
            writer.Enqueue(message);

        await Task.WhenAll(messages.Select(m => m.Completion)).WaitAsync(Patience);
        Assert.Equal(16, writer.WritesCommitted);
    }

    [Fact]
    public async Task A_write_a_command_waits_for_ends_the_delay_at_once_and_shares_the_commit()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 1024, Hour, NullLogger.Instance);
        var message = new AcknowledgedOnly();
        var opened = WindowOpenedAsync(writer);
        writer.Enqueue(message);
        await opened.WaitAsync(Patience);
        Assert.Equal(1, writer.WindowsOpened);

        var probe = new ProbeOp();
        writer.Enqueue(probe);
        await Task.WhenAll(message.Completion, probe.Completion).WaitAsync(Patience);

        Assert.Equal(1, writer.BatchesCommitted);
    }

    [Fact]
    public async Task A_write_a_command_waits_for_is_never_held()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 1024, Hour, NullLogger.Instance);
        var probe = new ProbeOp();
        writer.Enqueue(probe);
        await probe.Completion.WaitAsync(Patience);
        Assert.Equal(0, writer.WindowsOpened);
    }

    [Fact]
    public async Task Closing_the_writer_during_the_delay_commits_the_held_message()
    {
        var writer = new SqliteWriter(_connection, maxBatchSize: 1024, Hour, NullLogger.Instance);
        var message = new AcknowledgedOnly();
        var opened = WindowOpenedAsync(writer);
        writer.Enqueue(message);
        await opened.WaitAsync(Patience);
        Assert.Equal(1, writer.WindowsOpened);

        writer.Dispose();
        await message.Completion.WaitAsync(Patience);
        Assert.Equal(1, writer.WritesCommitted);
    }

    [Fact]
    public async Task A_sender_waiting_for_each_acknowledgement_is_held_once_not_once_per_message()
    {
        // Without the rule each of these would wait out the delay: 5 windows, a sequential sender
        // capped at one message per delay.
        using var writer = new SqliteWriter(_connection, maxBatchSize: 1024, TimeSpan.FromMilliseconds(20), NullLogger.Instance);
        for (var i = 0; i < 5; i++)
        {
            var message = new AcknowledgedOnly();
            writer.Enqueue(message);
            await message.Completion.WaitAsync(Patience);
        }

        Assert.Equal(1, writer.WindowsOpened);
        Assert.Equal(5, writer.BatchesCommitted);
    }

    [Fact]
    public async Task Writes_queued_while_a_lone_commit_runs_bring_the_delay_back()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 2, TimeSpan.FromMilliseconds(20), NullLogger.Instance);
        var first = new AcknowledgedOnly();
        writer.Enqueue(first);
        await first.Completion.WaitAsync(Patience);
        // Alone now: the next batch commits without a window, and the two after it arrive together.
        var pair = new[] { new AcknowledgedOnly(), new AcknowledgedOnly() };
        foreach (var message in pair)
            writer.Enqueue(message);
        await Task.WhenAll(pair.Select(m => m.Completion)).WaitAsync(Patience);
        var after = new AcknowledgedOnly();
        writer.Enqueue(after);
        await after.Completion.WaitAsync(Patience);

        Assert.True(writer.WindowsOpened >= 2, $"windows opened: {writer.WindowsOpened}");
    }

    [Fact]
    public async Task With_no_delay_a_message_commits_at_once()
    {
        using var writer = new SqliteWriter(_connection, maxBatchSize: 1024, TimeSpan.Zero, NullLogger.Instance);
        var message = new AcknowledgedOnly();
        writer.Enqueue(message);
        await message.Completion.WaitAsync(Patience);
        Assert.Equal(0, writer.WindowsOpened);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_commit_delay_outside_0_to_100_ms_is_refused(int milliseconds)
    {
        var options = new SqliteStoreOptions { DataDirectory = _db.Directory, CommitDelay = TimeSpan.FromMilliseconds(milliseconds) };
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(nameof(SqliteStoreOptions.CommitDelay), error.ParamName);
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearPool(_connection);
        _db.Dispose();
    }

    // Completes when the writer starts waiting out its commit delay (the writer's own event, not a poll).
    private static Task WindowOpenedAsync(SqliteWriter writer)
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.WindowOpened += () => opened.TrySetResult();
        return opened.Task;
    }

    // A write like a message insert (only an acknowledgement waits for it) that touches no table.
    private sealed class AcknowledgedOnly : WriteOp<bool>
    {
        public override bool MayWaitForCompany => true;

        public override void Execute(WriterStatements statements) => Value = true;
    }
}
