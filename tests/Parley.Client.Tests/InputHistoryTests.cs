using Parley.Cli.Editing;
using Parley.TestKit;

namespace Parley.Client.Tests;

public sealed class InputHistoryTests : IDisposable
{
    private readonly string _directory = ParleyTestServer.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string FilePath => Path.Combine(_directory, "state", "parley", "history");

    [Theory]
    [InlineData("#alice correct-horse")]
    [InlineData("/login alice correct-horse")]
    [InlineData("/LOGIN alice pw")]
    [InlineData("/register correct-horse")]
    [InlineData("/passwd old new")]
    [InlineData("/drop correct-horse")]
    [InlineData("/sapasswd bob new-password")]
    [InlineData("/oper root secret")]
    [InlineData("/dm NickServ identify pw")]
    [InlineData("@nickserv:identify pw")]
    [InlineData("/join #dev the-key")]
    [InlineData("/mode #dev +k the-key")]
    public void IsSecret_recognises_lines_carrying_a_password_or_key(string line) => Assert.True(InputHistory.IsSecret(line));

    [Theory]
    [InlineData("#alice")]
    [InlineData("/join #dev")]
    [InlineData("/dm bob my password is safe with you")]
    [InlineData("hello all")]
    [InlineData("/mode #dev +i")]
    [InlineData("")]
    public void IsSecret_keeps_ordinary_lines(string line) => Assert.False(InputHistory.IsSecret(line));

    [Fact]
    public void Add_writes_the_file_without_secrets_or_repeats_and_Load_reads_it_back()
    {
        var history = InputHistory.Load(FilePath);
        history.Add("/whoami");
        history.Add("/whoami");
        history.Add("/passwd old new");
        history.Add("   ");
        history.Add("hello");

        Assert.Equal("/whoami\nhello\n", File.ReadAllText(FilePath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        Assert.Equal(["/whoami", "hello"], InputHistory.Load(FilePath).Entries);
    }

    [Fact]
    public void The_file_stays_bounded_and_keeps_the_newest_entries()
    {
        var history = InputHistory.Load(FilePath);
        for (var i = 0; i < InputHistory.Capacity * 3; i++)
            history.Add($"line {i}");

        var lines = File.ReadAllLines(FilePath);
        Assert.InRange(lines.Length, InputHistory.Capacity, 2 * InputHistory.Capacity);
        Assert.Equal($"line {(InputHistory.Capacity * 3) - 1}", lines[^1]);
        var reloaded = InputHistory.Load(FilePath).Entries;
        Assert.Equal(InputHistory.Capacity, reloaded.Count);
        Assert.Equal($"line {InputHistory.Capacity * 2}", reloaded[0]);
    }

    [Fact]
    public void Older_and_Newer_walk_the_entries_and_come_back_to_what_was_typed()
    {
        var history = InputHistory.Load(null);
        history.Add("first");
        history.Add("second");

        Assert.Equal("second", history.Older("draft"));
        Assert.Equal("first", history.Older("second"));
        Assert.Null(history.Older("first"));
        Assert.Equal("second", history.Newer());
        Assert.Equal("draft", history.Newer());
        Assert.Null(history.Newer());
    }

    [Fact]
    public void DefaultPath_follows_XDG_STATE_HOME_else_the_home_directory()
    {
        Assert.Equal("/x/state/parley/history", InputHistory.DefaultPath(n => n == "XDG_STATE_HOME" ? "/x/state" : "/home/a"));
        Assert.Equal("/home/a/.local/state/parley/history", InputHistory.DefaultPath(n => n == "HOME" ? "/home/a" : null));
        Assert.Equal("/home/a/.local/state/parley/history", InputHistory.DefaultPath(n => n == "HOME" ? "/home/a" : "relative"));
        Assert.Null(InputHistory.DefaultPath(_ => null));
    }

    [Fact]
    public void An_unwritable_history_file_keeps_the_history_in_memory()
    {
        Directory.CreateDirectory(FilePath); // A directory where the file should be.
        var history = InputHistory.Load(FilePath);

        history.Add("hello");

        Assert.Equal(["hello"], history.Entries);
    }
}
