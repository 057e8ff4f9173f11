using Parley.Server.Hosting;

var command = ServerCommandLine.Create(async (overrides, _) =>
{
    // The host handles Ctrl+C and SIGTERM itself and shuts down cleanly.
    await using var app = ParleyServer.Build(overrides);
    await app.RunAsync();
    return 0;
});
return await command.Parse(args).InvokeAsync();
