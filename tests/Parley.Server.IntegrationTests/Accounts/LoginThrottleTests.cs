using Parley.Core.Accounts;
using Parley.Server.Security;

namespace Parley.Server.IntegrationTests.Accounts;

public sealed class LoginThrottleTests
{
    [Fact]
    public async Task Throttle_after_the_allowed_failures_refuses_until_the_window_refills()
    {
        // Spread over time: the limiters' background refill (every 100 ms, in fractions of a token)
        // once let a zero-permit probe through; this is the regression test for that.
        for (var run = 0; run < 8; run++)
        {
            using var throttle = new RateLimitedLoginThrottle(new AccountOptions { MaxFailedLoginsPerAccount = 3 });
            for (var i = 0; i < 3; i++)
            {
                Assert.Null(throttle.RetryAfter("Alice", "127.0.0.1:5000"));
                await Task.Delay(20);
                throttle.RecordFailure("alice", "127.0.0.1:5000");
            }

            Assert.Equal(TimeSpan.FromMinutes(1), throttle.RetryAfter("ALICE", "127.0.0.1:6000"));
            Assert.Null(throttle.RetryAfter("bob", "127.0.0.1:6000"));
        }
    }

    [Fact]
    public void Throttle_counts_failures_per_address_whatever_the_port_and_account()
    {
        using var throttle = new RateLimitedLoginThrottle(new AccountOptions { MaxFailedLoginsPerAddress = 2 });

        throttle.RecordFailure("a", "10.0.0.1:1000");
        throttle.RecordFailure("b", "10.0.0.1:2000");

        Assert.NotNull(throttle.RetryAfter("c", "10.0.0.1:3000"));
        Assert.Null(throttle.RetryAfter("c", "10.0.0.2:3000"));
    }
}
