using Microsoft.Extensions.Time.Testing;
using Parley.Core.Accounts;
using Parley.Core.Accounts.Throttling;

namespace Parley.Core.Tests;

public sealed class RegistrationLimitTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Registrations_are_limited_per_address_and_refill_with_time()
    {
        var throttle = new RegistrationThrottle(new AccountOptions { MaxRegistrationsPerAddress = 2, RegistrationWindow = TimeSpan.FromMinutes(10) }, _time);

        Assert.True(throttle.TryReserve("10.0.0.1:1", out _));
        Assert.True(throttle.TryReserve("10.0.0.1:2", out _));
        Assert.False(throttle.TryReserve("10.0.0.1:3", out var retryAfter));
        Assert.True(throttle.TryReserve("10.0.0.2:1", out _));

        Assert.InRange(retryAfter, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(throttle.TryReserve("10.0.0.1:4", out _));
    }

    [Fact]
    public void Registrations_are_limited_server_wide_and_a_refusal_there_costs_the_address_nothing()
    {
        var throttle = new RegistrationThrottle(new AccountOptions { MaxRegistrations = 3, MaxRegistrationsPerAddress = 2 }, _time);
        for (var i = 0; i < 3; i++)
            Assert.True(throttle.TryReserve($"10.0.0.{i}:1", out _));

        Assert.False(throttle.TryReserve("10.0.0.9:1", out _));
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True(throttle.TryReserve("10.0.0.9:1", out _));
        Assert.True(throttle.TryReserve("10.0.0.9:1", out _));
    }

    [Fact]
    public async Task The_hashing_queue_refuses_at_once_when_its_slots_and_queue_are_full()
    {
        var queue = new PasswordHashingLimiter(maxConcurrent: 1, maxQueued: 1);
        using var release = new ManualResetEventSlim();
        var running = new TaskCompletionSource();
        var first = Task.Run(async () => await queue.TryRunAsync(_ => { running.SetResult(); release.Wait(); return 1; }, 0));
        await running.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = queue.TryRunAsync(_ => 2, 0).AsTask();

        var third = await queue.TryRunAsync(_ => 3, 0);

        Assert.False(third.Ran);
        Assert.False(second.IsCompleted);
        release.Set();
        Assert.Equal((true, 1), await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((true, 2), await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public void The_default_hashing_concurrency_leaves_a_core_free()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), new PasswordHashingLimiter().MaxConcurrent);
    }
}
