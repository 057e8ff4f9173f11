using Microsoft.Extensions.Time.Testing;
using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;

namespace Parley.Core.Tests;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Failures_from_one_address_refuse_that_address_with_the_real_time_left_and_not_another()
    {
        var throttle = new LoginThrottle(new AccountOptions { MaxFailedLoginsPerAccountAndAddress = 3 }, _time);
        for (var i = 0; i < 3; i++)
            Fail(throttle, "alice", "10.0.0.9:5000");

        var refused = throttle.Reserve("ALICE", "10.0.0.9:6000");
        var owner = throttle.Reserve("alice", "10.0.0.1:7000");

        Assert.False(refused.IsGranted);
        // 3 per minute drain one every 20 s: the next attempt fits in 20 s, not "a minute".
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(19.9), TimeSpan.FromSeconds(20));
        Assert.True(owner.IsGranted);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(throttle.Reserve("alice", "10.0.0.9:6000").IsGranted);
    }

    [Fact]
    public void Failures_count_per_address_whatever_the_port_and_account()
    {
        var throttle = new LoginThrottle(new AccountOptions { MaxFailedLoginsPerAddress = 2 }, _time);

        Fail(throttle, "a", "10.0.0.1:1000");
        Fail(throttle, "b", "10.0.0.1:2000");

        Assert.False(throttle.Reserve("c", "10.0.0.1:3000").IsGranted);
        Assert.True(throttle.Reserve("c", "10.0.0.2:3000").IsGranted);
    }

    [Fact]
    public void Ipv6_addresses_count_per_64_block()
    {
        var throttle = new LoginThrottle(new AccountOptions { MaxFailedLoginsPerAddress = 2 }, _time);

        Fail(throttle, "a", "[2001:db8:1:2::1]:1000");
        Fail(throttle, "b", "[2001:db8:1:2:ffff::9]:1000");

        Assert.False(throttle.Reserve("c", "[2001:db8:1:2::77]:1000").IsGranted);
        Assert.True(throttle.Reserve("c", "[2001:db8:1:3::1]:1000").IsGranted);
    }

    [Fact]
    public void Attempts_in_flight_hold_their_permits_so_concurrency_cannot_overrun_the_limit()
    {
        var throttle = new LoginThrottle(new AccountOptions { MaxFailedLoginsPerAccountAndAddress = 5 }, _time);

        var granted = Enumerable.Range(0, 1000).Select(_ => throttle.Reserve("alice", "10.0.0.9:1")).Count(r => r.IsGranted);

        Assert.Equal(5, granted);
    }

    [Fact]
    public void A_success_gives_its_permits_back()
    {
        var throttle = new LoginThrottle(new AccountOptions { MaxFailedLoginsPerAccountAndAddress = 2 }, _time);

        for (var i = 0; i < 10; i++)
            throttle.Complete(throttle.Reserve("alice", "10.0.0.1:1"), failed: false);

        Assert.True(throttle.Reserve("alice", "10.0.0.1:1").IsGranted);
    }

    [Fact]
    public void Failures_on_one_account_from_many_addresses_delay_the_owner_at_most_the_max_and_never_refuse()
    {
        var options = new AccountOptions { MaxFailedLoginsPerAccount = 4, MaxLoginDelay = TimeSpan.FromSeconds(5) };
        var throttle = new LoginThrottle(options, _time);
        for (var i = 0; i < 200; i++)
            Fail(throttle, "alice", $"10.0.{i / 250}.{i % 250}:1");

        var owner = throttle.Reserve("alice", "192.168.1.1:1");

        Assert.True(owner.IsGranted);
        Assert.InRange(owner.Delay, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, throttle.Reserve("bob", "192.168.1.1:1").Delay);
    }

    [Fact]
    public void The_slowdown_ends_soon_after_the_failures_stop()
    {
        var options = new AccountOptions { MaxFailedLoginsPerAccount = 4, MaxLoginDelay = TimeSpan.FromSeconds(5) };
        var throttle = new LoginThrottle(options, _time);
        for (var i = 0; i < 200; i++)
            Fail(throttle, "alice", $"10.0.0.{i}:1");

        // The level is capped at the delay's worth above the threshold: 5 s later it is below it.
        _time.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal(TimeSpan.Zero, throttle.Reserve("alice", "192.168.1.1:1").Delay);
    }

    [Fact]
    public void Drained_keys_are_forgotten()
    {
        var buckets = new LeakyBuckets(5, TimeSpan.FromMinutes(1), _time);
        for (var i = 0; i < 5000; i++)
            buckets.TryAdd($"k{i}", out _);
        _time.Advance(TimeSpan.FromMinutes(1));

        for (var i = 0; i < 256; i++)
            buckets.TryAdd("fresh", out _);

        Assert.Equal(1, buckets.Count);
    }

    private static void Fail(LoginThrottle throttle, string account, string address)
    {
        var reservation = throttle.Reserve(account, address);
        Assert.True(reservation.IsGranted);
        throttle.Complete(reservation, failed: true);
    }
}
