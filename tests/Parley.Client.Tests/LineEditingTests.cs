using Parley.Cli.Editing;
using Parley.Protocols.Line;
using RadLine;

namespace Parley.Client.Tests;

/// <summary>The editor's own commands and completion, on RadLine's buffer, without a terminal.</summary>
public sealed class LineEditingTests
{
    [Theory]
    [InlineData("one two three", 13, "WordBefore", "one two ", 8)]
    [InlineData("one two   ", 10, "WordBefore", "one ", 4)]
    [InlineData("one two three", 4, "WordBefore", "two three", 0)]
    [InlineData("one two three", 3, "WordAfter", "one three", 3)]
    [InlineData("one two three", 4, "ToStart", "two three", 0)]
    [InlineData("one two three", 7, "ToEnd", "one two", 7)]
    [InlineData("one two three", 5, "Line", "", 0)]
    [InlineData("", 0, "WordBefore", "", 0)]
    public void EraseCommand_removes_its_range_and_leaves_the_cursor_where_it_was_cut(
        string text, int cursor, string range, string expected, int expectedCursor)
    {
        var buffer = new LineBuffer(text);
        buffer.Move(cursor);

        new EraseCommand(Enum.Parse<EraseRange>(range)).Execute(new LineEditorContext(buffer, null));

        Assert.Equal(expected, buffer.Content);
        Assert.Equal(expectedCursor, buffer.Position);
    }

    [Fact]
    public void HistoryCommand_replaces_the_line_and_puts_the_cursor_at_its_end()
    {
        var history = InputHistory.Load(null);
        history.Add("/join #dev");
        var buffer = new LineBuffer("dra");

        new HistoryCommand(history, older: true).Execute(new LineEditorContext(buffer, null));
        Assert.Equal("/join #dev", buffer.Content);
        Assert.Equal(10, buffer.Position);

        new HistoryCommand(history, older: false).Execute(new LineEditorContext(buffer, null));
        Assert.Equal("dra", buffer.Content);
    }

    [Fact]
    public void Completion_offers_commands_at_the_start_nicks_and_rooms_it_has_seen()
    {
        var completion = new ChatCompletion();
        completion.Observe(ServerLineParser.Parse("USERS bob bill carol"));
        completion.Observe(ServerLineParser.Parse("MEMBERS #dev ~dana @bill"));
        completion.Observe(ServerLineParser.Parse("RM #ops erin: hi"));
        completion.Observe(ServerLineParser.Parse("HELP /stats  show the server's figures"));

        Assert.Equal(["/join"], completion.GetCompletions("", "/jo", ""));
        Assert.Equal(["/stats"], completion.GetCompletions("", "/st", ""));
        Assert.Null(completion.GetCompletions("hello ", "/jo", ""));
        Assert.Equal(["bill", "bob"], completion.GetCompletions("/dm ", "b", ""));
        Assert.Equal(["dana"], completion.GetCompletions("", "d", ""));
        Assert.Equal(["erin"], completion.GetCompletions("", "e", ""));
        Assert.Equal(["@carol:"], completion.GetCompletions("", "@c", ""));
        Assert.Equal(["#dev"], completion.GetCompletions("/join ", "#d", ""));
        Assert.Equal(["@#ops:"], completion.GetCompletions("", "@#o", ""));
        Assert.Null(completion.GetCompletions("", "z", ""));
        Assert.Null(completion.GetCompletions("", "", ""));
    }

    [Fact]
    public void Completion_again_after_a_completion_cycles_among_the_names_matching_what_was_typed()
    {
        var completion = new ChatCompletion();
        completion.Observe(ServerLineParser.Parse("USERS bob bill carol"));

        Assert.Equal(["bill", "bob"], completion.GetCompletions("/dm ", "b", ""));
        // RadLine put "bill" in; Tab again asks about "bill" and must get both b-names to move to "bob".
        Assert.Equal(["bill", "bob"], completion.GetCompletions("/dm ", "bill", ""));
    }

    [Fact]
    public void Input_source_prints_pending_lines_over_the_prompt_then_asks_for_a_redraw()
    {
        using var output = new StringWriter();
        var keys = new Queue<ConsoleKeyInfo>([new('a', ConsoleKey.A, false, false, false)]);
        var source = new ChatInputSource(output, () => keys.Count > 0, keys.Dequeue);
        source.Enqueue("[BM] bob: hi");

        Assert.True(source.IsKeyAvailable());
        Assert.Equal(ChatInputSource.Redraw, source.ReadKey());
        Assert.Equal("\r\x1b[2K[BM] bob: hi\n", output.ToString());
        Assert.Equal('a', source.ReadKey().KeyChar);
        Assert.False(source.IsKeyAvailable());
    }

    [Fact]
    public void Input_source_reads_Escape_and_a_key_together_as_Alt_and_that_key()
    {
        using var output = new StringWriter();
        var keys = new Queue<ConsoleKeyInfo>(
        [
            new('\x1b', ConsoleKey.Escape, false, false, false),
            new('b', ConsoleKey.B, false, false, false),
            new('\x1b', ConsoleKey.Escape, false, false, false),
        ]);
        var source = new ChatInputSource(output, () => keys.Count > 0, keys.Dequeue);

        var alt = source.ReadKey();
        Assert.Equal((ConsoleKey.B, ConsoleModifiers.Alt, '\0'), (alt.Key, alt.Modifiers, alt.KeyChar));
        var escape = source.ReadKey();
        Assert.Equal((ConsoleKey.Escape, (ConsoleModifiers)0), (escape.Key, escape.Modifiers));
    }
}
