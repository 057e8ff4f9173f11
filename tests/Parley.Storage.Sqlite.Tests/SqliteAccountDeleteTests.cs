using Parley.Core.Messages;

namespace Parley.Storage.Sqlite.Tests;

/// <summary>Deleting an account (NickServ DROP): gone, findable by id no more, and a later account inherits nothing.</summary>
public sealed class SqliteAccountDeleteTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deleted_account_is_gone_and_a_new_one_with_the_reused_id_sees_none_of_its_messages()
    {
        using var db = new TempDatabase();
        var alice = (await db.Accounts.CreateAsync("alice", "hash", T0))!;
        Assert.Equal(T0, (await db.Accounts.FindAsync("ALICE"))!.CreatedUtc);
        Assert.Equal("alice", (await db.Accounts.FindByIdAsync(alice.Id))!.Nick);
        var waiting = db.Messages.Append(new NewMessage(MessageKind.Direct, T0, "bob", null, "alice", alice.Id, "for alice", Delivered: false));
        await waiting.Committed;

        Assert.True(await db.Accounts.DeleteAsync(alice.Id));
        Assert.False(await db.Accounts.DeleteAsync(alice.Id));

        Assert.Null(await db.Accounts.FindAsync("alice"));
        var carol = (await db.Accounts.CreateAsync("carol", "hash", T0))!;
        Assert.Empty(await db.Messages.GetUndeliveredAsync(carol.Id, 10));
    }
}
