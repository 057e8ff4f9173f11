using Parley.Cli;
using Parley.Protocols.Line;

namespace Parley.Client.Tests;

public sealed class ChatViewTests
{
    private const string ClearLine = "\r\x1b[2K";

    [Fact]
    public void WriteLine_while_typing_prints_message_above_and_redraws_the_typed_text()
    {
        using var output = new StringWriter();
        var view = new ChatView(output);
        Type(view, "hel");
        output.GetStringBuilder().Clear();

        view.WriteLine("[DM] bob: hi");

        Assert.Equal(ClearLine + "[DM] bob: hi\n> hel", output.ToString());
        Assert.Equal("hel", view.Buffer);
    }

    [Fact]
    public void HandleKey_enter_returns_the_line_and_clears_the_buffer()
    {
        using var output = new StringWriter();
        var view = new ChatView(output);
        Type(view, "/dm bob hi");

        var line = view.HandleKey(Key(ConsoleKey.Enter, '\r'));

        Assert.Equal("/dm bob hi", line);
        Assert.Equal("", view.Buffer);
    }

    [Fact]
    public void HandleKey_backspace_removes_the_last_character_whole_surrogate_pair_included()
    {
        using var output = new StringWriter();
        var view = new ChatView(output);
        Type(view, "hi👋");

        Assert.Null(view.HandleKey(Key(ConsoleKey.Backspace, '\b')));
        Assert.Equal("hi", view.Buffer);
        view.HandleKey(Key(ConsoleKey.Backspace, '\b'));
        view.HandleKey(Key(ConsoleKey.Backspace, '\b'));
        view.HandleKey(Key(ConsoleKey.Backspace, '\b'));
        Assert.Equal("", view.Buffer);
    }

    [Fact]
    public void HandleKey_control_characters_are_not_added_to_the_buffer()
    {
        using var output = new StringWriter();
        var view = new ChatView(output);

        view.HandleKey(Key(ConsoleKey.Tab, '\t'));
        view.HandleKey(Key(ConsoleKey.UpArrow, '\0'));

        Assert.Equal("", view.Buffer);
    }

    [Theory]
    [InlineData("exit", true, "/quit")]
    [InlineData("  EXIT ", true, "/quit")]
    [InlineData("/quit", true, "/quit")]
    [InlineData("/QUIT lunch", true, "/QUIT lunch")]
    [InlineData("/quitter", false, "/quitter")]
    [InlineData("exit now", false, "exit now")]
    public void IsQuit_recognises_exit_and_quit_only(string line, bool expected, string command)
    {
        Assert.Equal(expected, ChatSession.IsQuit(line, out var sent));
        Assert.Equal(command, sent);
    }

    [Theory]
    [InlineData("DM alice: hi", "[DM] alice: hi")]
    [InlineData("BM bob: hello", "[BM] bob: hello")]
    [InlineData("SYS alice joined", "*** alice joined")]
    [InlineData("ERR NO_SUCH_NICK bob is not online", "! NO_SUCH_NICK bob is not online")]
    [InlineData("OK delivered to bob", "ok: delivered to bob")]
    [InlineData("USERS alice bob", "users online: alice, bob")]
    [InlineData("what?", "what?")]
    [InlineData("RM #dev bob: hi", "[#dev] bob: hi")]
    [InlineData("DM alice: * alice waves", "[DM] * alice waves")]
    [InlineData("RM #dev bob: * bob nods", "[#dev] * bob nods")]
    [InlineData("RM #dev bob: * alice nods", "[#dev] bob: * alice nods")]
    [InlineData("ECHO 1748779200000001 2025-06-01T12:00:00.000Z alice -> #dev: hi", "[#dev] alice: hi")]
    [InlineData("ECHO 43 2025-06-01T12:00:00.000Z alice -> bob: hi", "[sent elsewhere] -> bob: hi")]
    [InlineData("ECHO 44 2025-06-01T12:00:00.000Z alice -> *: hi all", "[sent elsewhere] -> *: hi all")]
    [InlineData("HIST 1748779200000001 2025-06-01T12:00:00.000Z alice -> #dev: hi", "[#dev] (2025-06-01 12:00Z) alice: hi")]
    [InlineData("HIST 42 2025-06-01T12:00:00.000Z alice -> bob: hi", "[2025-06-01 12:00Z] alice -> bob: hi")]
    [InlineData("MISSED 40 2025-06-01T09:00:00.000Z bob -> alice: call me", "[missed 2025-06-01 09:00Z] bob: call me")]
    [InlineData("MISSED 41 2025-06-01T09:00:00.000Z bob -> alice: * bob waves", "[missed 2025-06-01 09:00Z] * bob waves")]
    [InlineData("HIST 1748779200000002 2025-06-01T12:00:00.000Z bob -> #dev: * bob nods", "[#dev] (2025-06-01 12:00Z) * bob nods")]
    [InlineData("HIST 45 2025-06-01T12:00:00.000Z bob -> alice: * bob waves", "[2025-06-01 12:00Z] (-> alice) * bob waves")]
    [InlineData("ECHO 1748779200000003 2025-06-01T12:00:00.000Z alice -> #dev: * alice waves", "[#dev] * alice waves")]
    public void Format_plain_gives_readable_text(string raw, string expected)
    {
        Assert.Equal(expected, LineFormatter.Format(ServerLineParser.Parse(raw), color: false));
    }

    [Fact]
    public void Format_with_color_wraps_text_in_ansi_codes()
    {
        var text = LineFormatter.Format(ServerLineParser.Parse("ERR SYNTAX bad"), color: true);

        Assert.StartsWith("\x1b[31m", text, StringComparison.Ordinal);
        Assert.EndsWith("\x1b[0m", text, StringComparison.Ordinal);
    }

    private static void Type(ChatView view, string text)
    {
        foreach (var c in text)
        {
            Assert.Null(view.HandleKey(Key(ConsoleKey.A, c)));
        }
    }

    private static ConsoleKeyInfo Key(ConsoleKey key, char c) => new(c, key, shift: false, alt: false, control: false);
}
