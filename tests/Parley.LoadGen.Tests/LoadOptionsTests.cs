using Parley.LoadGen.Cli;

namespace Parley.LoadGen.Tests;

public sealed class LoadOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.9.8.7")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Loopback_targets_are_accepted(string host)
    {
        Assert.Empty(new LoadOptions { Host = host, Port = 6667 }.Validate());
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("example.org")]
    public void Other_targets_need_allow_remote(string host)
    {
        var refused = new LoadOptions { Host = host, Port = 6667 }.Validate();
        Assert.Contains(refused, e => e.Contains("--allow-remote", StringComparison.Ordinal));
        Assert.Empty(new LoadOptions { Host = host, Port = 6667, AllowRemote = true }.Validate());
    }

    [Fact]
    public void Each_bad_setting_gets_one_line_naming_it()
    {
        var errors = new LoadOptions { Port = 0, Clients = 0, Window = 0, Room = "bench" }.Validate();
        Assert.Contains(errors, e => e.StartsWith("--port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--clients", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--window", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--room", StringComparison.Ordinal));
    }

    [Fact]
    public void Senders_default_to_every_client_for_dm_and_ten_for_room()
    {
        Assert.Equal(500, new LoadOptions { Clients = 500 }.EffectiveSenders);
        Assert.Equal(10, new LoadOptions { Clients = 500, Workload = Workload.Room }.EffectiveSenders);
        Assert.Equal(3, new LoadOptions { Clients = 3, Workload = Workload.Room }.EffectiveSenders);
    }

    [Fact]
    public void Hard_limit_covers_every_phase()
    {
        var o = new LoadOptions { Port = 1, Duration = TimeSpan.FromSeconds(10), Warmup = TimeSpan.FromSeconds(2) };
        Assert.True(o.HardLimit > (o.ConnectTimeout * 2) + o.Warmup + (o.Duration * 2) + o.Drain + o.Hold);
    }

    [Fact]
    public void Several_targets_replace_host_and_port_and_each_bad_one_is_named()
    {
        Assert.Empty(new LoadOptions { Targets = ["127.0.0.1:6667", "localhost:6668", "[::1]:6669"] }.Validate());
        var errors = new LoadOptions { Targets = ["127.0.0.1", "127.0.0.1:0", "10.0.0.1:6667"] }.Validate();
        Assert.Contains("--target 127.0.0.1: it must be host:port with a port of 1-65535", errors);
        Assert.Contains("--target 127.0.0.1:0: it must be host:port with a port of 1-65535", errors);
        Assert.Contains(errors, e => e.StartsWith("--target 10.0.0.1:6667 is not a loopback address", StringComparison.Ordinal));
        Assert.Contains(new LoadOptions { Port = 6667, Targets = ["127.0.0.1:6668"] }.Validate(), e => e.StartsWith("--port: give either", StringComparison.Ordinal));
    }

    [Fact]
    public void Clients_go_round_robin_over_the_targets()
    {
        var a = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1);
        var b = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 2);
        var target = new Parley.LoadGen.Connections.TargetServer(a, "127.0.0.1", false, false) { EndPoints = [a, b] };
        Assert.Equal([a, b, a, b], Enumerable.Range(0, 4).Select(target.EndPointOf));
        Assert.Equal(a, new Parley.LoadGen.Connections.TargetServer(a, "127.0.0.1", false, false).EndPointOf(7));
    }

    [Theory]
    [InlineData("parley=1,2,3", true)]
    [InlineData("broker=99", true)]
    [InlineData("=99", false)]
    [InlineData("pg=", false)]
    [InlineData("pg=0", false)]
    [InlineData("p-g=9", false)]
    public void Cpu_groups_are_name_equals_process_ids(string group, bool valid)
    {
        Assert.Equal(valid, LoadOptions.TrySplitCpuGroup(group, out _, out _));
        Assert.Equal(valid, new LoadOptions { Port = 1, CpuGroups = [group] }.Validate().Count == 0);
    }
}
