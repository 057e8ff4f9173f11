using Parley.Core.Messages;

namespace Parley.Storage.Contract;

/// <summary>What every <see cref="IMessageStore"/> promises.</summary>
public abstract class MessageStoreContract : StoreContract
{
    [Fact]
    public async Task Ids_increase_in_the_order_of_the_appends_and_history_returns_them_oldest_first()
    {
        var receipts = Enumerable.Range(0, 5).Select(i => Store.Messages.Append(Broadcast("alice", $"m{i}", T0.AddSeconds(i)))).ToList();
        await Task.WhenAll(receipts.Select(r => r.Committed));

        var ids = receipts.Select(r => r.Message.Id).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var history = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 10, null));
        Assert.Equal(ids, history.Select(m => m.Id));
        Assert.Equal(("alice", (string?)null, MessageKind.Broadcast, T0.AddSeconds(4)), (history[^1].From, history[^1].To, history[^1].Kind, history[^1].SentUtc));
    }

    [Fact]
    public async Task Broadcast_history_pages_back_by_id()
    {
        for (var i = 0; i < 7; i++)
            Store.Messages.Append(Broadcast("alice", $"m{i}", T0));
        await Store.Messages.FlushAsync();

        var newest = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 3, null));
        var older = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 3, newest[0].Id));
        var oldest = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 3, older[0].Id));

        Assert.Equal(["m4", "m5", "m6"], newest.Select(m => m.Text));
        Assert.Equal(["m1", "m2", "m3"], older.Select(m => m.Text));
        Assert.Equal(["m0"], oldest.Select(m => m.Text));
    }

    [Theory]
    [InlineData("'); DROP TABLE messages; --")]
    [InlineData("Robert'); DELETE FROM accounts WHERE ('1'='1")]
    [InlineData("$text @p :x ? %s \\ \" ' ` ✓ 🎉")]
    public async Task Sql_looking_text_is_stored_and_returned_verbatim(string text)
    {
        await Store.Messages.Append(Broadcast("alice", text, T0)).Committed;

        var history = await Store.Messages.GetHistoryAsync(new HistoryQuery(0, null, 10, null));

        Assert.Equal(text, Assert.Single(history).Text);
    }

    [Fact]
    public async Task Direct_history_pages_back_by_id_holds_both_directions_and_keeps_conversations_apart()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        for (var i = 0; i < 25; i++)
        {
            var (from, fromId, to, toId) = i % 2 == 0 ? ("alice", alice.Id, "bob", bob.Id) : ("bob", bob.Id, "alice", alice.Id);
            Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, from, fromId, to, toId, $"m{i}", true));
            Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", alice.Id, "carol", null, $"other{i}", true));
        }

        await Store.Messages.FlushAsync();

        var newest = await Store.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "BOB", 10, null));
        var older = await Store.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "bob", 10, newest[0].Id));
        var oldest = await Store.Messages.GetHistoryAsync(new HistoryQuery(alice.Id, "bob", 10, older[0].Id));
        Assert.Equal(Enumerable.Range(15, 10).Select(i => $"m{i}"), newest.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(5, 10).Select(i => $"m{i}"), older.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m{i}"), oldest.Select(m => m.Text));
        var bobsView = await Store.Messages.GetHistoryAsync(new HistoryQuery(bob.Id, "alice", 200, null));
        Assert.Equal(25, bobsView.Count);
        Assert.Empty(await Store.Messages.GetHistoryAsync(new HistoryQuery(bob.Id, "carol", 200, null)));
    }

    [Fact]
    public async Task Waiting_messages_are_returned_oldest_first_until_marked_delivered()
    {
        var bob = await CreateAccountAsync("bob");
        for (var i = 0; i < 5; i++)
            Store.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddSeconds(i), "alice", null, "bob", bob.Id, $"m{i}", Delivered: false));
        Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", null, "bob", bob.Id, "seen at once", Delivered: true));
        await Store.Messages.FlushAsync();

        var first = await Store.Messages.GetUndeliveredAsync(bob.Id, 3);
        await Store.Messages.MarkDeliveredAsync(bob.Id, first[^1].Id);
        var rest = await Store.Messages.GetUndeliveredAsync(bob.Id, 3);

        Assert.Equal(["m0", "m1", "m2"], first.Select(m => m.Text));
        Assert.Equal(T0, first[0].SentUtc);
        Assert.Equal(["m3", "m4"], rest.Select(m => m.Text));
        Assert.Equal(2, await Store.Messages.CountUndeliveredAsync(bob.Id));
    }

    [Fact]
    public async Task Marking_one_accounts_messages_delivered_leaves_the_others_waiting()
    {
        var bob = await CreateAccountAsync("bob");
        var carol = await CreateAccountAsync("carol");
        var forBob = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", null, "bob", bob.Id, "for bob", Delivered: false));
        var forCarol = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", null, "carol", carol.Id, "for carol", Delivered: false));
        await Task.WhenAll(forBob.Committed, forCarol.Committed);

        await Store.Messages.MarkDeliveredAsync(bob.Id, forCarol.Message.Id);

        Assert.Equal(0, await Store.Messages.CountUndeliveredAsync(bob.Id));
        Assert.Equal(["for carol"], (await Store.Messages.GetUndeliveredAsync(carol.Id, 10)).Select(m => m.Text));
    }

    [Fact]
    public async Task Messages_waiting_for_a_deleted_account_are_not_inherited_by_a_later_account()
    {
        var alice = await CreateAccountAsync("alice");
        await Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "bob", null, "alice", alice.Id, "for alice", Delivered: false)).Committed;

        await Store.Accounts.DeleteAsync(alice.Id);
        var carol = await CreateAccountAsync("carol");
        var alice2 = await CreateAccountAsync("alice");

        Assert.Empty(await Store.Messages.GetUndeliveredAsync(carol.Id, 10));
        Assert.Empty(await Store.Messages.GetUndeliveredAsync(alice2.Id, 10));
    }

    [Fact]
    public async Task A_stored_message_is_found_with_its_accounts_and_a_removed_one_is_gone_from_history()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        var kept = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", alice.Id, "bob", bob.Id, "kept", true));
        var redacted = Store.Messages.Append(new NewMessage(MessageKind.Direct, T0, "alice", alice.Id, "bob", bob.Id, "oops", true));
        await Task.WhenAll(kept.Committed, redacted.Committed);

        var found = await Store.Messages.FindAsync(redacted.Message.Id);
        await Store.Messages.RemoveAsync(redacted.Message.Id);

        Assert.Equal(new StoredMessage(redacted.Message, alice.Id, bob.Id), found);
        Assert.Null(await Store.Messages.FindAsync(redacted.Message.Id));
        Assert.Equal(["kept"], (await Store.Messages.GetHistoryAsync(new HistoryQuery(bob.Id, "alice", 10, null))).Select(m => m.Text));
    }

    [Fact]
    public async Task Targets_are_the_nicks_talked_with_inside_the_window_with_their_newest_time()
    {
        var alice = await CreateAccountAsync("alice");
        var bob = await CreateAccountAsync("bob");
        Store.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddMinutes(1), "alice", alice.Id, "bob", bob.Id, "hi", true));
        Store.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddMinutes(2), "bob", bob.Id, "alice", alice.Id, "hello", true));
        Store.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddMinutes(3), "alice", alice.Id, "carol", null, "later", true));
        Store.Messages.Append(new NewMessage(MessageKind.Direct, T0.AddMinutes(9), "alice", alice.Id, "dave", null, "outside", true));
        await Store.Messages.FlushAsync();

        var targets = await Store.Messages.GetTargetsAsync(alice.Id, T0, T0.AddMinutes(5), limit: 10, newest: true);
        var newestOne = await Store.Messages.GetTargetsAsync(alice.Id, T0, T0.AddMinutes(5), limit: 1, newest: true);

        Assert.Equal([new HistoryTarget("bob", T0.AddMinutes(2)), new HistoryTarget("carol", T0.AddMinutes(3))], targets.OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Equal([new HistoryTarget("carol", T0.AddMinutes(3))], newestOne);
    }
}
