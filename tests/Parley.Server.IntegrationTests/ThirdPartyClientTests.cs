using System.Text;
using System.Diagnostics;
using System.Globalization;
using Parley.TestKit;

namespace Parley.Server.IntegrationTests;

/// <summary>Clients that are not ours: the tutorial's Python client, ported to Python 3 (examples/seed_client.py).</summary>
public sealed class ThirdPartyClientTests
{
    [Fact]
    public async Task Seed_python_client_registers_and_dms_a_parley_user()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var alice = await server.ConnectAsAsync("alice");
        TestPrerequisites.Require("python3");
        var script = Path.Combine(RepositoryRoot.Find(), "examples", "seed_client.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { script, "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        using var python = Process.Start(start)!;
        var printed = new StringBuilder();
        var sawReply = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        python.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (printed)
                printed.AppendLine(e.Data);
            if (e.Data.Contains("DM alice: hi back", StringComparison.Ordinal))
                sawReply.TrySetResult();
        };
        python.BeginOutputReadLine();
        await python.StandardInput.WriteLineAsync("#carol");
        await alice.WaitForAsync(l => l == "SYS carol joined");
        await python.StandardInput.WriteLineAsync("@alice:hi from python");
        await alice.WaitForAsync(l => l == "DM carol: hi from python");
        await alice.SendAsync("@carol:hi back");
        // Exit only once the reply is printed: an earlier exit may close the socket before it is read.
        await sawReply.Task.WaitAsync(LineTestClient.DefaultTimeout);
        await python.StandardInput.WriteLineAsync("exit");
        await alice.WaitForAsync(l => l == "SYS carol left");
        await python.WaitForExitAsync().WaitAsync(LineTestClient.DefaultTimeout);

        string output;
        lock (printed)
            output = printed.ToString();
        Assert.Equal(0, python.ExitCode);
        Assert.Contains("OK registered as carol", output, StringComparison.Ordinal);
        Assert.Contains("OK delivered to alice", output, StringComparison.Ordinal);
        Assert.Contains("DM alice: hi back", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/quit")]
    [InlineData("/kill")]
    public async Task Seed_python_client_exits_when_the_server_closes_while_it_waits_for_input(string how)
    {
        await using var server = await ParleyTestServer.StartAsync(new Dictionary<string, string?> { ["Parley:Operators:0"] = "alice" });
        await using var alice = await server.ConnectNewAccountAsync("alice", "correct-horse");
        TestPrerequisites.Require("python3");
        var script = Path.Combine(RepositoryRoot.Find(), "examples", "seed_client.py");
        var start = new ProcessStartInfo("python3")
        {
            ArgumentList = { script, "127.0.0.1", server.Port.ToString(CultureInfo.InvariantCulture) },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.StandardInput.WriteLineAsync("#carol");
        await alice.WaitForAsync(l => l == "SYS carol joined");
        if (how == "/quit")
            await python.StandardInput.WriteLineAsync("/quit");
        else
            Assert.StartsWith("OK", (await alice.CommandAsync("/kill carol enough")).Reply, StringComparison.Ordinal);

        // Standard input stays open: the client must notice the closed connection by itself.
        try
        {
            await python.WaitForExitAsync().WaitAsync(LineTestClient.DefaultTimeout);
        }
        finally
        {
            if (!python.HasExited)
                python.Kill();
        }

        Assert.Equal(0, python.ExitCode);
        Assert.Contains("BYE", await output, StringComparison.Ordinal);
        Assert.Equal("", await errors);
    }
}
