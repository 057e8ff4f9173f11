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
}
