using Parley.TestKit;

namespace Parley.Server.IntegrationTests.Accounts;

public sealed class AccountTests
{
    private const string Password = "correct-horse";

    [Fact]
    public async Task Register_as_guest_then_login_from_another_connection_succeeds()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");

        Assert.Equal("OK registered and logged in as alice", (await alice.CommandAsync($"/register {Password}")).Reply);
        await using var phone = await server.ConnectAsync();

        Assert.Equal("OK logged in as alice", (await phone.CommandAsync($"#alice {Password}")).Reply);
        Assert.Equal("OK you are alice, logged in", (await phone.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Register_with_nick_before_taking_one_creates_the_account_and_announces_it()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var alice = await server.ConnectAsync();

        Assert.Equal("OK registered and logged in as alice", (await alice.CommandAsync($"/register alice {Password}")).Reply);

        await bob.ExpectAsync("SYS alice joined");
    }

    [Theory]
    [InlineData("#alice")]
    [InlineData("#ALICE")]
    [InlineData("/nick Alice")]
    public async Task Registered_nick_is_refused_to_a_guest_while_the_owner_is_away(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using (var owner = await server.ConnectNewAccountAsync("alice", Password))
            Assert.Equal(["BYE goodbye"], await QuitAsync(owner));
        await using var guest = await server.ConnectAsync();

        var reply = (await guest.CommandAsync(line)).Reply;

        Assert.StartsWith("ERR NICK_REGISTERED ", reply, StringComparison.Ordinal);
        Assert.Contains("/login", reply, StringComparison.Ordinal);
        Assert.Equal("OK you have no nick yet", (await guest.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Registered_nick_is_refused_to_a_guest_renaming_while_the_owner_is_online()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var owner = await server.ConnectNewAccountAsync("alice", Password);
        await using var guest = await server.ConnectAsAsync("mallory");

        Assert.StartsWith("ERR NICK_REGISTERED", (await guest.CommandAsync("/nick alice")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK you are mallory, a guest", (await guest.CommandAsync("/whoami")).Reply);
    }

    [Theory]
    [InlineData("/login alice wrong-password")]
    [InlineData("#alice wrong-password")]
    [InlineData("/login nobody correct-horse")]
    public async Task Login_with_wrong_password_or_unknown_nick_fails_the_same_way(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await using var client = await server.ConnectAsync();

        Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await client.CommandAsync(line)).Reply);
        Assert.Equal("OK you have no nick yet", (await client.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Logout_frees_the_connection_and_tells_the_others_when_the_last_device_leaves()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await bob.ExpectAsync("SYS alice joined");

        Assert.Equal("OK logged out of alice", (await alice.CommandAsync("/logout")).Reply);

        await bob.ExpectAsync("SYS alice left (logged out)");
        Assert.Equal("ERR NOT_REGISTERED register first with #<nick> or /nick <nick>", (await alice.CommandAsync("/users")).Reply);
        Assert.Equal("ERR NOT_LOGGED_IN log in first with /login <nick> <password>", (await alice.CommandAsync("/logout")).Reply);
        Assert.Equal("OK logged in as alice", (await alice.CommandAsync($"/login alice {Password}")).Reply);
    }

    [Fact]
    public async Task Passwd_changes_the_password_and_the_old_one_stops_working()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);

        Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await alice.CommandAsync("/passwd not-my-password battery-staple")).Reply);
        Assert.StartsWith("ERR BAD_PASSWORD", (await alice.CommandAsync($"/passwd {Password} short")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK password changed", (await alice.CommandAsync($"/passwd {Password} battery-staple")).Reply);

        await using var other = await server.ConnectAsync();
        Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await other.CommandAsync($"/login alice {Password}")).Reply);
        Assert.Equal("OK logged in as alice", (await other.CommandAsync("/login alice battery-staple")).Reply);
    }

    [Fact]
    public async Task Passwd_as_a_guest_is_refused()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var guest = await server.ConnectAsAsync("bob");

        Assert.Equal("ERR NOT_LOGGED_IN log in first with /login <nick> <password>", (await guest.CommandAsync($"/passwd {Password} battery-staple")).Reply);
    }

    [Fact]
    public async Task Whoami_tells_unregistered_guest_and_logged_in_apart()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        Assert.Equal("OK you have no nick yet", (await client.CommandAsync("/whoami")).Reply);
        await client.RegisterAsync("bob");
        Assert.Equal("OK you are bob, a guest", (await client.CommandAsync("/whoami")).Reply);
        await client.CommandAsync($"/register {Password}");
        Assert.Equal("OK you are bob, logged in", (await client.CommandAsync("/whoami")).Reply);
    }

    [Theory]
    [InlineData("/register short")]
    [InlineData("/register seven77")]
    [InlineData("/register has a space")]
    public async Task Register_with_a_password_breaking_the_rules_is_refused(string line)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var guest = await server.ConnectAsAsync("bob");

        Assert.Equal("ERR BAD_PASSWORD a password is 8-128 characters without spaces", (await guest.CommandAsync(line)).Reply);
        Assert.Equal("OK you are bob, a guest", (await guest.CommandAsync("/whoami")).Reply);
    }

    [Fact]
    public async Task Overlong_passwords_are_refused_at_registration_and_fail_at_login()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var guest = await server.ConnectAsAsync("bob");
        var overlong = new string('p', 129);

        Assert.StartsWith("ERR BAD_PASSWORD", (await guest.CommandAsync($"/register {overlong}")).Reply, StringComparison.Ordinal);
        Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await guest.CommandAsync($"/login bob {new string('p', 4000)}")).Reply);
    }

    [Theory]
    // Without a password, /login is certificate login: a plain connection presents no certificate.
    [InlineData("/login", "ERR NO_CLIENT_CERT no password and no client certificate: /login <nick> <password>, or connect with TLS and --client-cert to log in with a registered certificate")]
    [InlineData("/login alice", "ERR NO_CLIENT_CERT no password and no client certificate: /login <nick> <password>, or connect with TLS and --client-cert to log in with a registered certificate")]
    [InlineData("/register", "ERR NEED_MORE_PARAMS usage: /register <password>  (or /register <nick> <password>, or /register #<room>)")]
    [InlineData("/register correct-horse", "ERR NEED_MORE_PARAMS usage: /register <nick> <password>, or take a nick with #<nick> first")]
    [InlineData("/passwd x", "ERR NOT_REGISTERED register first with #<nick> or /nick <nick>")]
    [InlineData("/history *", "ERR NOT_REGISTERED register first with #<nick> or /nick <nick>")]
    [InlineData("/login alice'-- correct-horse", "ERR INVALID_NICK a nick is 1-32 letters, digits, _ or -")]
    [InlineData("/register x');DROP correct-horse", "ERR INVALID_NICK a nick is 1-32 letters, digits, _ or -")]
    public async Task Account_commands_with_missing_or_bad_arguments_get_a_clear_error(string line, string expected)
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var client = await server.ConnectAsync();

        Assert.Equal(expected, (await client.CommandAsync(line)).Reply);
    }

    [Fact]
    public async Task Guests_off_refuses_guest_nicks_but_allows_register_and_login()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Accounts:AllowGuests"] = "false" });
        await using var client = await server.ConnectAsync();

        Assert.StartsWith("ERR GUESTS_DISABLED", (await client.CommandAsync("#bob")).Reply, StringComparison.Ordinal);
        Assert.Equal("OK registered and logged in as bob", (await client.CommandAsync($"/register bob {Password}")).Reply);
        await using var other = await server.ConnectAsync();
        Assert.Equal("OK logged in as bob", (await other.CommandAsync($"#bob {Password}")).Reply);
    }

    [Fact]
    public async Task Failed_logins_on_one_account_are_rate_limited_without_slowing_other_accounts()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Accounts:MaxFailedLoginsPerAccountAndAddress"] = "3",
        });
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        await (await server.ConnectNewAccountAsync("bob", Password)).DisposeAsync();
        await using var attacker = await server.ConnectAsync();

        for (var i = 0; i < 3; i++)
            Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await attacker.CommandAsync($"/login alice guess-{i:000000}")).Reply);
        var limited = (await attacker.CommandAsync($"/login alice {Password}")).Reply;

        Assert.Matches(@"^ERR RATE_LIMITED too many failed logins; try again in \d+ s$", limited);
        await using var bob = await server.ConnectAsync();
        Assert.Equal("OK logged in as bob", (await bob.CommandAsync($"/login bob {Password}")).Reply);
    }

    [Fact]
    public async Task Failed_logins_from_one_address_are_rate_limited_across_accounts()
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Parley:Accounts:MaxFailedLoginsPerAddress"] = "4",
        });
        await (await server.ConnectNewAccountAsync("bob", Password)).DisposeAsync();
        await using var attacker = await server.ConnectAsync();

        for (var i = 0; i < 4; i++)
            Assert.Equal("ERR AUTH_FAILED wrong nick or password", (await attacker.CommandAsync($"/login user{i} {Password}")).Reply);

        Assert.StartsWith("ERR RATE_LIMITED", (await attacker.CommandAsync($"/login bob {Password}")).Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_rehashes_a_password_hashed_with_fewer_iterations_than_configured()
    {
        var server = await ParleyTestServer.StartAsync();
        await (await server.ConnectNewAccountAsync("alice", Password)).DisposeAsync();
        var before = await StoredHashAsync(server, "alice");
        await using var restarted = await server.RestartAsync(new Dictionary<string, string?> { ["Parley:Accounts:PasswordHashIterations"] = "20000" });

        await (await restarted.ConnectLoggedInAsync("alice", Password)).DisposeAsync();

        var after = await StoredHashAsync(restarted, "alice");
        Assert.NotEqual(before, after);
        await (await restarted.ConnectLoggedInAsync("alice", Password)).DisposeAsync();
        Assert.Equal(after, await StoredHashAsync(restarted, "alice"));
    }

    [Fact]
    public async Task Passwords_are_never_stored_in_clear()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectNewAccountAsync("alice", Password);
        await alice.CommandAsync($"/passwd {Password} battery-staple");

        var hash = await StoredHashAsync(server, "alice");
        Assert.DoesNotContain("battery-staple", hash, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(server.DataDirectory))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf("battery-staple"u8));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("correct-horse"u8));
        }
    }

    private static async Task<List<string>> QuitAsync(LineTestClient client)
    {
        await client.SendAsync("/quit");
        return await client.ReadUntilClosedAsync();
    }

    private static async Task<string> StoredHashAsync(ParleyTestServer server, string nick)
    {
        // Read-only and unpooled, so the test leaves no handle behind.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(server.DataDirectory, "parley.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM accounts WHERE nick_key = $key";
        command.Parameters.AddWithValue("$key", nick);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
