using Parley.LoadGen.Cli;
using Parley.LoadGen.Running;

var command = LoadGenCommandLine.Create(async (options, cancellationToken) =>
{
    var errors = options.Validate();
    if (errors.Count > 0)
    {
        foreach (var error in errors)
            await Console.Error.WriteLineAsync("parley-loadgen: " + error);
        return 2;
    }

    // Thousands of connections: start enough pool threads at once instead of injecting them slowly.
    ThreadPool.GetMinThreads(out var workers, out var io);
    ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 2), io);

    // Hard stop: nothing in a run may outlive its own budget.
    var limit = options.HardLimit;
    await using var hardStop = new Timer(
        _ =>
        {
            Console.Error.WriteLine($"parley-loadgen: hard time limit ({limit.TotalSeconds:F0} s) reached, exiting");
            Environment.Exit(4);
        },
        null,
        limit,
        Timeout.InfiniteTimeSpan);
    return await new LoadRunner(options).RunAsync(cancellationToken);
});
return await command.Parse(args).InvokeAsync();
