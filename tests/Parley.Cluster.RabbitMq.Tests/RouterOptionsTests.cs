namespace Parley.Cluster.RabbitMq.Tests;

/// <summary>A bad setting is one line naming the setting and what is allowed.</summary>
public sealed class RouterOptionsTests
{
    private static readonly RabbitMqRouterOptions Good = new() { Uri = "amqp://guest:guest@127.0.0.1:5672/", NodeName = "node-1" };

    public static TheoryData<RabbitMqRouterOptions, string> Bad => new()
    {
        { Good with { Uri = null }, "Parley:Cluster:RabbitMq:Uri is not set" },
        { Good with { Uri = "http://127.0.0.1/" }, "Parley:Cluster:RabbitMq:Uri is 'http://127.0.0.1/'" },
        { Good with { Uri = "amqp://user:secret@:5672/" }, "Parley:Cluster:RabbitMq:Uri is" },
        { Good with { NodeName = "" }, "Parley:Cluster:NodeName is ''" },
        { Good with { NodeName = "a.b" }, "Parley:Cluster:NodeName is 'a.b'" },
        { Good with { MaxOutgoing = 0 }, "Parley:Cluster:RabbitMq:MaxOutgoing is 0" },
        { Good with { QueueExpiry = TimeSpan.Zero }, "Parley:Cluster:RabbitMq:QueueExpiry is 00:00:00" },
        { Good with { Prefetch = 70_000 }, "Parley:Cluster:RabbitMq:Prefetch is 70000" },
        { Good with { Exchange = "" }, "Parley:Cluster:RabbitMq:Exchange is ''" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void A_bad_setting_is_one_line_naming_it(RabbitMqRouterOptions options, string expected)
    {
        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_pass() => Good.Validate();
}
