using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Parley.Protocols.Irc.Tests;

/// <summary>
/// Properties: any bytes give messages or error statuses, never an exception or a hang; valid
/// messages survive format and parse unchanged, however the bytes are split; split text joins
/// back to the original.
/// </summary>
public sealed class IrcCodecPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Bytes that matter to the grammar, mixed with any byte at all.
    private static readonly Gen<byte> WireByte = Gen.Frequency(
        (3, Gen.Elements("@ :;=\\\r\n\0a1"u8.ToArray())),
        (1, Gen.Elements<byte>(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0xff)),
        (2, ArbMap.Default.GeneratorFor<byte>()));

    private static readonly Gen<byte[][]> WireSegments = Gen.ArrayOf(Gen.ArrayOf(WireByte));

    // Text pieces: ASCII, grammar characters, multi-byte UTF-8, a surrogate pair, a combining mark.
    private static readonly string[] Pieces = ["a", "Z", "0", "-", " ", ":", ";", "=", "\\", "@", "!", "#", "é", "✓", "😀", "\u0301", "\t", "\r", "\n", "\0"];

    private static Gen<string> Text(Func<string, bool> allowed, int maxPieces = 12) =>
        Gen.Choose(0, maxPieces).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces.Where(allowed).ToArray()), n)).Select(string.Concat);

    private static readonly Gen<string> Token = Text(p => p is not (" " or "\r" or "\n" or "\0"), 8)
        .Where(s => s.Length > 0 && s[0] != ':');

    private static readonly Gen<IrcMessage> ValidMessage = ValidMessages(maxMiddles: 14);

    // At most 10 middles of at most 8 pieces of at most 4 bytes, a 12-piece last parameter and
    // an 8-piece source: under 510 bytes, so always within the line limit.
    private static readonly Gen<IrcMessage> ShortValidMessage = ValidMessages(maxMiddles: 10);

    private static Gen<IrcMessage> ValidMessages(int maxMiddles) =>
        from tagCount in Gen.Choose(0, 4)
        from tagValues in Gen.ArrayOf(Text(p => p != "\0"), tagCount)
        from tagVendor in Gen.Elements("", "+", "example.com/", "+example.com/")
        from hasSource in ArbMap.Default.GeneratorFor<bool>()
        from source in Token
        from command in Gen.Elements("PRIVMSG", "notice", "Join", "001", "433", "TAGMSG", "X")
        from middles in Gen.Choose(0, maxMiddles).SelectMany(n => Gen.ArrayOf(Token, n))
        from hasLast in ArbMap.Default.GeneratorFor<bool>()
        from last in Text(p => p is not ("\r" or "\n" or "\0"))
        select new IrcMessage(hasSource ? source : null, command, hasLast && middles.Length < 15 ? [.. middles, last] : middles)
            .WithTags(tagValues.Select((v, i) => new IrcTag($"{tagVendor}key{i}", v)));

    [Fact]
    public void Framer_and_parser_on_any_bytes_never_throw_and_always_make_progress()
    {
        // Small limits so that overlong lines and tags come up often.
        Prop.ForAll(WireSegments.ToArbitrary(), segments =>
        {
            Feed.Run(new IrcFramer(maxTagBytes: 24, maxLineBytes: 16), segments);
            Feed.Run(new IrcFramer(), segments);
            return true;
        }).Check(Config);
    }

    [Fact]
    public void Parser_on_any_bytes_returns_a_status_and_a_parsed_message_formats_and_parses_back_to_itself()
    {
        Prop.ForAll(Gen.ArrayOf(WireByte).ToArbitrary(), bytes =>
        {
            var status = IrcMessageParser.TryParse(bytes, out var message);
            if (status != IrcParseStatus.Success)
                return message is null;
            var again = IrcMessageParser.TryParse(IrcMessageFormatter.Format(message!).AsSpan()[..^2], out var reparsed);
            return again == IrcParseStatus.Success && message!.Equals(reparsed);
        }).Check(Config);
    }

    [Fact]
    public void Format_then_parse_of_a_valid_message_gives_it_back_and_formats_to_the_same_bytes()
    {
        Prop.ForAll(ValidMessage.ToArbitrary(), message =>
        {
            var wire = IrcMessageFormatter.Format(message);
            var status = IrcMessageParser.TryParse(wire.AsSpan()[..^2], out var parsed);
            return status == IrcParseStatus.Success
                && message.Equals(parsed)
                && wire.AsSpan().SequenceEqual(IrcMessageFormatter.Format(parsed!));
        }).Check(Config);
    }

    [Fact]
    public void Framer_recovers_exactly_the_messages_written_however_the_bytes_are_split()
    {
        var gen =
            from messages in Gen.ArrayOf(ShortValidMessage)
            from cuts in Gen.ArrayOf(Gen.Choose(0, 4000))
            select (messages, cuts);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var wire = input.messages.SelectMany(IrcMessageFormatter.Format).ToArray();
            var offsets = input.cuts.Select(c => c % (wire.Length + 1)).Append(0).Append(wire.Length).Distinct().Order().ToArray();
            var segments = offsets.Zip(offsets.Skip(1), (from, to) => wire[from..to]);
            var outcomes = Feed.Run(new IrcFramer(), segments);
            return outcomes.Select(o => o.Message).SequenceEqual(input.messages);
        }).Check(Config);
    }

    [Fact]
    public void Split_chunks_fit_are_valid_utf8_and_join_back_to_the_text()
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var gen =
            from text in Text(_ => true, 60)
            from maxBytes in Gen.Choose(IrcTextSplitter.MinChunkBytes, 24)
            select (text, maxBytes);
        Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var chunks = IrcTextSplitter.Split(input.text, input.maxBytes);
            return chunks.All(c => c.Length > 0 && strict.GetByteCount(c) <= input.maxBytes)
                && JoinsBack(input.text, 0, chunks, 0);
        }).Check(Config);
    }

    [Fact]
    public void Casemapping_equal_strings_have_equal_hashes_and_equal_their_lower_case()
    {
        var gen = Gen.Elements("a", "B", "[", "{", "\\", "|", "]", "}", "^", "~", "é", "1")
            .ArrayOf().Select(string.Concat);
        Prop.ForAll(gen.ToArbitrary(), gen.ToArbitrary(), (x, y) =>
            new[] { IrcCaseMapping.Ascii, IrcCaseMapping.Rfc1459, IrcCaseMapping.StrictRfc1459 }.All(m =>
                m.Equals(x, m.ToLower(x))
                && (!m.Equals(x, y) || m.GetHashCode(x) == m.GetHashCode(y))
                && m.Equals(x, y) == (m.ToLower(x) == m.ToLower(y)))).Check(Config);
    }

    /// <summary>
    /// The splitter's contract: the text is the chunks joined with either nothing or one space
    /// between each two (the space a cut dropped).
    /// </summary>
    private static bool JoinsBack(string text, int position, IReadOnlyList<string> chunks, int index)
    {
        if (index == chunks.Count)
            return position == text.Length;
        var chunk = chunks[index];
        if (!text.AsSpan(position).StartsWith(chunk, StringComparison.Ordinal))
            return false;
        var next = position + chunk.Length;
        if (index == chunks.Count - 1)
            return next == text.Length;
        return JoinsBack(text, next, chunks, index + 1)
            || (next < text.Length && text[next] == ' ' && JoinsBack(text, next + 1, chunks, index + 1));
    }
}
