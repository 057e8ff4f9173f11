using Parley.Server.Hosting;

namespace Parley.Server.IntegrationTests;

public sealed class ServerCommandLineTests
{
    [Fact]
    public async Task Options_given_on_the_command_line_become_configuration_overrides()
    {
        IReadOnlyList<KeyValuePair<string, string?>>? captured = null;
        var command = ServerCommandLine.Create((overrides, _) =>
        {
            captured = overrides;
            return Task.FromResult(0);
        });

        var exit = await command.Parse(["--host", "0.0.0.0", "--port", "6000", "--tls-port", "6001", "--irc-port", "7000", "--ircs-port", "0", "--http-port", "9090", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--data", "/var/lib/parley", "--storage", "sqlite", "--max-outbound-bytes", "9000", "--registration-timeout", "00:00:10"]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Parley:Host"] = "0.0.0.0",
                ["Parley:Port"] = "6000",
                ["Parley:Tls:Port"] = "6001",
                ["Parley:Irc:Port"] = "7000",
                ["Parley:Irc:TlsPort"] = "0",
                ["Parley:Http:Port"] = "9090",
                ["Parley:Tls:CertificatePath"] = "c.pem",
                ["Parley:Tls:KeyPath"] = "k.pem",
                ["Parley:DataDirectory"] = "/var/lib/parley",
                ["Parley:Storage:Provider"] = "sqlite",
                ["Parley:Limits:MaxOutboundBytes"] = "9000",
                ["Parley:Limits:RegistrationTimeout"] = "00:00:10",
            },
            captured!.ToDictionary());
    }

    [Fact]
    public async Task Backup_subcommand_gets_the_file_and_the_data_directory()
    {
        (IReadOnlyList<KeyValuePair<string, string?>> Overrides, string File)? captured = null;
        var command = ServerCommandLine.Create(
            (_, _) => Task.FromResult(1),
            (overrides, file, _) =>
            {
                captured = (overrides, file);
                return Task.FromResult(0);
            });

        var exit = await command.Parse(["backup", "copy.db", "--data", "/srv/parley"]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.Equal("copy.db", captured!.Value.File);
        Assert.Equal(new Dictionary<string, string?> { ["Parley:DataDirectory"] = "/srv/parley" }, captured.Value.Overrides.ToDictionary());
    }

    [Fact]
    public async Task Options_not_given_leave_configuration_to_appsettings_and_environment()
    {
        IReadOnlyList<KeyValuePair<string, string?>>? captured = null;
        var command = ServerCommandLine.Create((overrides, _) =>
        {
            captured = overrides;
            return Task.FromResult(0);
        });

        await command.Parse([]).InvokeAsync();

        Assert.Empty(captured!);
    }

    [Fact]
    public async Task Help_lists_every_option()
    {
        var ran = false;
        var command = ServerCommandLine.Create((_, _) =>
        {
            ran = true;
            return Task.FromResult(0);
        });
        using var output = new StringWriter();

        var exit = await command.Parse(["--help"]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        Assert.False(ran);
        foreach (var option in new[] { "--host", "--port", "--tls-port", "--http-port", "--tls-cert", "--tls-key", "--data", "--storage", "--max-outbound-bytes", "--registration-timeout" })
            Assert.Contains(option, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_is_refused_at_start()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build([new("Parley:Limits:MaxOutboundBytes", "10")]));
        Assert.Contains("MaxOutboundBytes", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void The_old_storage_data_directory_key_is_refused_with_a_pointer_to_the_one_key()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build([new("Parley:Storage:DataDirectory", "/srv/parley")]));
        Assert.Contains("Parley:DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Parley:Limits:MaxRoomsPerUser", "0", "MaxRoomsPerUser")]
    [InlineData("Parley:Limits:MaxMembersPerRoom", "0", "MaxMembersPerRoom")]
    [InlineData("Parley:Limits:Flood:Burst", "0", "Burst")]
    [InlineData("Parley:Limits:Flood:MessagesPerSecond", "-1", "MessagesPerSecond")]
    [InlineData("Parley:Limits:Flood:RefusalWindow", "00:00:00", "RefusalWindow")]
    [InlineData("Parley:Rooms:MaxHistoryPage", "0", "MaxHistoryPage")]
    [InlineData("Parley:Rooms:HistoryOnJoin", "-1", "HistoryOnJoin")]
    [InlineData("Parley:Operators:0", "#root", "Operators")]
    [InlineData("Parley:Http:Port", "70000", "Parley:Http:Port")]
    [InlineData("Parley:Metrics:OtlpEndpoint", "localhost:4317", "Parley:Metrics:OtlpEndpoint")]
    public void Invalid_room_flood_or_operator_setting_is_refused_at_start(string key, string value, string named)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => ParleyServer.Build([new(key, value)]));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
