using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task Greeting_on_connect_tells_how_to_register()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        Assert.StartsWith("HELLO Parley", client.Greeting, StringComparison.Ordinal);
        Assert.Contains("#<nick>", client.Greeting, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#alice")]
    [InlineData("/nick alice")]
    [InlineData("/NICK alice")]
    public async Task Register_with_either_form_succeeds(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendAsync(line);

        await client.ExpectAsync("OK registered as alice");
    }

    [Fact]
    public async Task Register_taken_nick_in_other_case_is_refused_and_client_stays_unregistered()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("Alice");
        await using var other = await server.ConnectAsync();

        await other.SendAsync("#alice");
        await other.ExpectAsync("ERR NICK_TAKEN alice is taken");
        await other.SendAsync("/users");
        await other.ExpectAsync("ERR NOT_REGISTERED register first with #<nick> or /nick <nick>");
    }

    [Theory]
    [InlineData("/nick bad nick!", "ERR INVALID_NICK")]
    [InlineData("#héllo", "ERR INVALID_NICK")]
    [InlineData("#abcdefghijklmnopqrstuvwxyz0123456", "ERR INVALID_NICK")]
    [InlineData("#", "ERR NEED_MORE_PARAMS")]
    [InlineData("/nick", "ERR NEED_MORE_PARAMS")]
    public async Task Register_invalid_nick_is_refused(string line, string expectedPrefix)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.SendAsync(line);

        Assert.StartsWith(expectedPrefix, await client.ReadLineAsync(), StringComparison.Ordinal);
        Assert.Equal(0, server.Hub.RegisteredCount);
    }

    [Fact]
    public async Task Register_longest_nick_of_32_characters_succeeds()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        await client.RegisterAsync("abcdefghijklmnopqrstuvwxyz012345");
    }

    [Fact]
    public async Task Registering_is_announced_to_everyone_else_with_the_nick_as_typed()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("BoB");

        await alice.ExpectAsync("SYS BoB joined");
        Assert.Empty(await bob.DrainAsync());
    }

    [Fact]
    public async Task Nick_change_after_registration_is_announced_and_frees_the_old_nick()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        await using var bob = await server.ConnectAsAsync("bob");
        await alice.ExpectAsync("SYS bob joined");

        await bob.SendAsync("/nick robert");
        await bob.ExpectAsync("OK you are now robert");
        await alice.ExpectAsync("SYS bob is now robert");
        await using var newBob = await server.ConnectAsAsync("bob");
    }

    [Theory]
    [InlineData("@bob:hi")]
    [InlineData("/dm bob hi")]
    [InlineData("/bm hi")]
    [InlineData("hello")]
    [InlineData("/users")]
    public async Task Commands_before_registration_are_refused(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var client = await server.ConnectAsync();

        await client.SendAsync(line);

        await client.ExpectAsync("ERR NOT_REGISTERED register first with #<nick> or /nick <nick>");
        Assert.Empty(await bob.DrainAsync());
    }

    [Fact]
    public async Task Help_and_quit_work_before_registration()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        Assert.Empty(await client.DrainAsync());
        await client.SendAsync("/quit");

        Assert.Equal(["BYE goodbye"], await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Unregistered_connection_is_closed_after_the_registration_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await ParleyTestServer.StartAsync(
            new Dictionary<string, string?> { ["Parley:Limits:RegistrationTimeout"] = "00:00:02" },
            services => services.AddSingleton<TimeProvider>(time));
        await using var idle = await server.ConnectAsync();
        await using var alice = await server.ConnectAsync();
        await alice.RegisterAsync("alice");
        // A reply shows the read loop running, so the connection's registration timer is set.
        Assert.StartsWith("ERR NOT_REGISTERED", (await idle.CommandAsync("/users")).Reply, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["BYE registration timed out"], await idle.ReadUntilClosedAsync());
        Assert.Empty(await alice.DrainAsync());
    }
}
