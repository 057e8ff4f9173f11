using Parley.Server.Hosting;

namespace Parley.Cluster.Tests;

/// <summary>A cluster's node settings are checked at start, each error one line naming the setting.</summary>
public sealed class ClusterSettingsTests
{
    [Fact]
    public void A_broker_cluster_on_sqlite_is_refused_naming_both_settings()
    {
        var error = Assert.Throws<ArgumentException>(() => Build(("Parley:Storage:Provider", "sqlite")));

        Assert.Equal("Parley:Cluster:Provider is 'rabbitmq': it needs Parley:Storage:Provider=postgres (the nodes share their nick space there), not 'sqlite'", error.Message);
    }

    [Theory]
    [InlineData("Parley:Cluster:NodeTimeout", "00:00:30", "Parley:Cluster:NodeTimeout is '00:00:30': it must be under 00:00:30 and at least twice Parley:Cluster:HeartbeatInterval (00:00:05) (default 00:00:20)")]
    [InlineData("Parley:Cluster:NodeTimeout", "00:00:09", "Parley:Cluster:NodeTimeout is '00:00:09': it must be under 00:00:30 and at least twice Parley:Cluster:HeartbeatInterval (00:00:05) (default 00:00:20)")]
    [InlineData("Parley:Cluster:HeartbeatInterval", "00:00:00.05", "Parley:Cluster:HeartbeatInterval is '00:00:00.0500000': it must be at least 00:00:00.1 (default 00:00:05)")]
    [InlineData("Parley:Cluster:DatabaseOutageGrace", "00:00:10", "Parley:Cluster:DatabaseOutageGrace is '00:00:10': it must be from Parley:Cluster:NodeTimeout less Parley:Cluster:HeartbeatInterval (00:00:15) to 01:00:00 (default 00:02:00)")]
    [InlineData("Parley:Cluster:DatabaseOutageGrace", "02:00:00", "Parley:Cluster:DatabaseOutageGrace is '02:00:00': it must be from Parley:Cluster:NodeTimeout less Parley:Cluster:HeartbeatInterval (00:00:15) to 01:00:00 (default 00:02:00)")]
    [InlineData("Parley:Cluster:HeartbeatInterval", "soon", "Parley:Cluster:HeartbeatInterval is 'soon': it must be a time span such as 00:00:05")]
    public void A_bad_heartbeat_setting_is_one_line_naming_it(string key, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => Build((key, value)));

        Assert.Equal(expected, error.Message);
    }

    private static void Build(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Parley:DataDirectory"] = Path.GetTempPath(),
            ["Parley:Storage:Provider"] = "postgres",
            ["Parley:Storage:Postgres:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none",
            ["Parley:Cluster:Provider"] = "rabbitmq",
            ["Parley:Cluster:RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:1/",
            ["Parley:Cluster:NodeName"] = "settings-test",
        };
        foreach (var (key, value) in extra)
            settings[key] = value;
        ParleyServer.Build(settings);
    }
}
