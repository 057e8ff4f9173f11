using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Irc;

/// <summary>A registered room keeps +l, +e, +I and mutes across a restart (SQLite, migration 5).</summary>
public sealed class IrcChannelModePersistenceTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Registered_room_keeps_its_limit_exceptions_invite_exceptions_and_mutes_after_a_restart()
    {
        var server = await ParleyTestServer.StartWithIrcAsync();
        try
        {
            await using (var line = await server.ConnectNewAccountAsync("alice", Password))
            {
                await line.JoinAsync("#keep");
                await line.CommandAsync("/register #keep");
            }

            await using (var alice = await server.ConnectIrcAsync())
            {
                await alice.SendAsync("PASS " + Password);
                await alice.RegisterAsync("alice");
                await alice.SendAsync("JOIN #keep");
                await alice.DrainAsync();
                await alice.SendAsync("MODE #keep +lCe 5 bob!*@*");
                await alice.SendAsync("MODE #keep +I ~a:carol");
                await alice.SendAsync("MODE #keep +b ~m:spam*!*@*");
                await alice.DrainAsync();
            }

            server = await server.RestartAsync();
            await using var bob = await server.ConnectIrcAsAsync("bob");
            await bob.SendAsync("MODE #keep");
            await bob.ExpectAsync(":parley 324 bob #keep +Cln 5");
            await bob.DrainAsync();
            await bob.SendAsync("MODE #keep e");
            Assert.StartsWith(":parley 348 bob #keep bob!*@* alice ", await bob.ReadLineAsync(), StringComparison.Ordinal);
            await bob.DrainAsync();
            await bob.SendAsync("MODE #keep I");
            Assert.StartsWith(":parley 346 bob #keep ~a:carol alice ", await bob.ReadLineAsync(), StringComparison.Ordinal);
            await bob.DrainAsync();
            await bob.SendAsync("MODE #keep b");
            Assert.StartsWith(":parley 367 bob #keep ~m:spam*!*@* alice ", await bob.ReadLineAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
