using Parley.Cli;

// Interactive only when a person is at both ends: keys come from a terminal and go back to one.
var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
return await CliApp.RunAsync(args, Console.In, Console.Out, Console.Error, interactive, CancellationToken.None);
