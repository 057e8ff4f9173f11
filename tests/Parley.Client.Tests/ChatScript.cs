namespace Parley.Client.Tests;

/// <summary>
/// A scripted imitation of the Parley server's replies for one registered user, enough for client
/// and CLI tests: <c>bob</c> is online, <c>taken</c> is a taken nick, <c>/hold</c> never gets a reply.
/// </summary>
public static class ChatScript
{
    public static IEnumerable<string> Reply(string line)
    {
        if (line.StartsWith('#'))
        {
            return Nick(line[1..]);
        }

        if (line.StartsWith('@'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? ["ERR SYNTAX missing ':'"] : Dm(line[1..colon]);
        }

        if (!line.StartsWith('/'))
        {
            return ["OK sent to 1 user"];
        }

        var parts = line.Split(' ', 3);
        return parts[0].ToLowerInvariant() switch
        {
            "/nick" => parts.Length < 2 ? ["ERR NEED_MORE_PARAMS /nick <nick>"] : Nick(parts[1]),
            "/dm" => parts.Length < 3 ? ["ERR NEED_MORE_PARAMS /dm <nick> <text>"] : Dm(parts[1]),
            "/bm" => ["OK sent to 1 user"],
            "/users" => ["USERS alice bob", "OK 2 users online"],
            "/help" => ["HELP /dm <nick> <text>  send a direct message", "HELP /users  list users", "OK end of help"],
            "/quit" => [parts.Length > 1 ? $"BYE {line[6..]}" : "BYE goodbye", ScriptedLineServer.CloseConnection],
            "/hold" => [],
            _ => [$"ERR UNKNOWN_COMMAND {parts[0]} is not a command"],
        };
    }

    private static string[] Nick(string nick) => nick switch
    {
        "taken" => ["ERR NICK_TAKEN taken is in use"],
        "" or "bad!" => ["ERR INVALID_NICK nicks are 1-32 letters, digits, _ or -"],
        _ => [$"OK registered as {nick}"],
    };

    private static string[] Dm(string nick) =>
        nick == "bob" ? ["OK delivered to bob"] : [$"ERR NO_SUCH_NICK {nick} is not online"];
}
