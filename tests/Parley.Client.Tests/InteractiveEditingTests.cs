using System.Globalization;
using Parley.TestKit;

namespace Parley.Client.Tests;

/// <summary>
/// The console client's line editor at a real terminal (tmux): keys as a person presses them,
/// the screen as they see it, and what the server receives.
/// </summary>
public sealed class InteractiveEditingTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string HistoryFile => Path.Combine(_directory, "state", "parley", "history");

    [Fact]
    public async Task Cursor_keys_edit_the_middle_of_the_line()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var parley = await StartAsync(server, "alice");

        await parley.SendKeysAsync("-l", "hello world");
        await WaitForPromptAsync(parley, "hello world");
        await parley.SendKeysAsync("Left", "Left", "Left", "Left", "Left", "BSpace");
        await parley.SendKeysAsync("-l", ", big ");
        await WaitForPromptAsync(parley, "hello, big world");
        await parley.SendKeysAsync("Home", "Delete");
        await parley.SendKeysAsync("-l", "H");
        await parley.SendKeysAsync("End");
        await parley.SendKeysAsync("-l", "!");
        await WaitForPromptAsync(parley, "Hello, big world!");
        await parley.SendKeysAsync("Enter");

        await bob.WaitForAsync(l => l == "BM alice: Hello, big world!");
    }

    [Fact]
    public async Task Word_keys_erase_and_move_by_word()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var parley = await StartAsync(server, "alice");

        await parley.SendKeysAsync("-l", "one two three");
        await WaitForPromptAsync(parley, "one two three");
        await parley.SendKeysAsync("C-w");
        await WaitForPromptAsync(parley, "one two");
        await parley.SendKeysAsync("-l", "3");
        await parley.SendKeysAsync("M-b", "M-b", "C-w");
        await WaitForPromptAsync(parley, "two 3");
        await parley.SendKeysAsync("M-f");
        await parley.SendKeysAsync("-l", "2 ");
        await parley.SendKeysAsync("C-Left", "C-Left");
        await parley.SendKeysAsync("-l", "1 ");
        await WaitForPromptAsync(parley, "1 two 2 3");
        await parley.SendKeysAsync("Enter");

        await bob.WaitForAsync(l => l == "BM alice: 1 two 2 3");
    }

    [Fact]
    public async Task History_is_recalled_with_Up_after_a_restart_without_the_password_lines()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using (var first = await StartAsync(server, "alice"))
        {
            await first.SendLineAsync("/whoami");
            await first.WaitForScreenAsync("ok: you are alice");
            await first.SendLineAsync("/passwd not-my-old-one new-secret-words");
            await first.WaitForScreenAsync("! ");
            await first.SendLineAsync("/quit");
            await first.WaitForScreenAsync("[exit 0]");
        }

        var saved = await File.ReadAllTextAsync(HistoryFile);
        Assert.Equal("/whoami\n/quit\n", saved);

        await using var second = await StartAsync(server, "alice");
        await second.SendKeysAsync("Up");
        await WaitForPromptAsync(second, "/quit");
        await second.SendKeysAsync("Up");
        await WaitForPromptAsync(second, "/whoami");
        await second.SendKeysAsync("Enter");
        await second.WaitForScreenAsync("ok: you are alice");
    }

    [Fact]
    public async Task Tab_completes_a_command_and_a_nick_seen_in_users()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var parley = await StartAsync(server, "alice");

        await parley.SendKeysAsync("-l", "/us");
        await parley.SendKeysAsync("Tab");
        await WaitForPromptAsync(parley, "/users");
        await parley.SendKeysAsync("Enter");
        await parley.WaitForScreenAsync("users online:");

        await parley.SendKeysAsync("-l", "/dm b");
        await parley.SendKeysAsync("Tab");
        await WaitForPromptAsync(parley, "/dm bob");
        await parley.SendKeysAsync("-l", " hi");
        await parley.SendKeysAsync("Enter");

        await bob.WaitForAsync(l => l == "DM alice: hi");
    }

    [Fact]
    public async Task A_message_arriving_while_typing_is_printed_above_and_the_typed_line_and_cursor_stay()
    {
        await using var server = await ParleyTestServer.StartAsync();
        await using var bob = await server.ConnectAsAsync("bob");
        await using var parley = await StartAsync(server, "alice");

        await parley.SendKeysAsync("-l", "half typed");
        await WaitForPromptAsync(parley, "half typed");
        await parley.SendKeysAsync("Left", "Left", "Left", "Left", "Left");
        // The cursor is between "half " and "typed" (column 2 of the prompt plus 5).
        await WaitForCursorAsync(parley, 7);

        await bob.SendAsync("/bm ping from bob");
        // The message is printed first and the prompt redrawn just after: await both.
        await parley.WaitForScreenAsync("[BM] bob: ping from bob\n> half typed");
        await WaitForPromptAsync(parley, "half typed");
        await WaitForCursorAsync(parley, 7);

        await parley.SendKeysAsync("-l", "and ");
        await parley.SendKeysAsync("Enter");
        await bob.WaitForAsync(l => l == "BM alice: half and typed");
    }

    [Fact]
    public async Task An_IRC_users_me_is_shown_as_an_action()
    {
        await using var server = await ParleyTestServer.StartWithIrcAsync();
        await using var carol = await server.ConnectIrcAsAsync("carol");
        await using var parley = await StartAsync(server, "alice");

        await carol.SendAsync("PRIVMSG alice :\u0001ACTION waves\u0001");

        await parley.WaitForScreenAsync("[DM] * carol waves");
    }

    // Polls (as TmuxSession.WaitForScreenAsync does: a terminal gives no signal) until the last
    // prompt line on the screen is "> " + text.
    private static async Task WaitForPromptAsync(TmuxSession session, string text)
    {
        var deadline = DateTime.UtcNow + IrcTestClient.DefaultTimeout;
        var screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = await session.CaptureAsync();
            if (Lines(screen).LastOrDefault(l => l.StartsWith('>')) == ("> " + text).TrimEnd())
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"the prompt never read '> {text}'; the screen was:\n{screen}");
    }

    private static async Task WaitForCursorAsync(TmuxSession session, int column)
    {
        var deadline = DateTime.UtcNow + IrcTestClient.DefaultTimeout;
        var at = "";
        while (DateTime.UtcNow < deadline)
        {
            at = (await session.DisplayAsync("#{cursor_x}")).Trim();
            if (at == column.ToString(CultureInfo.InvariantCulture))
                return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"the cursor never reached column {column}; it was at {at}");
    }

    private static List<string> Lines(string screen) =>
        [.. screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)];

    // Runs the built client with its history under this test's directory, in a shell that prints
    // its exit code, and waits until it is signed in.
    private async Task<TmuxSession> StartAsync(ParleyTestServer server, string nick)
    {
        var client = Path.Combine(AppContext.BaseDirectory, "parley.dll");
        var command = string.Join(' ',
            "XDG_STATE_HOME=" + Path.Combine(_directory, "state"), "dotnet", client,
            "--port", server.Port.ToString(CultureInfo.InvariantCulture), "--known-hosts", Path.Combine(_directory, "known_hosts"), "--name", nick);
        var session = await TmuxSession.StartAsync("sh", "-c", command + "; echo \"[exit $?]\"; sleep 60");
        await session.WaitForScreenAsync($"ok: registered as {nick}");
        await WaitForPromptAsync(session, "");
        return session;
    }
}
