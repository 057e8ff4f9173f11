using System.Text;
using Parley.LoadGen.Measuring;

namespace Parley.LoadGen.Tests;

public sealed class PayloadTokenTests
{
    [Fact]
    public void Written_token_parses_back_to_sender_sequence_and_ticks()
    {
        var buffer = new byte[200];
        var n = PayloadToken.Write(buffer, PayloadToken.Marker, 4711, 123_456_789_012, 987_654_321_098_765, 64);

        Assert.Equal(64, n);
        var text = buffer.AsSpan(0, n);
        Assert.True(text.StartsWith(PayloadToken.Marker));
        Assert.True(PayloadToken.TryParse(text[PayloadToken.Marker.Length..], out var sender, out var sequence, out var ticks));
        Assert.Equal(4711, sender);
        Assert.Equal(123_456_789_012, sequence);
        Assert.Equal(987_654_321_098_765, ticks);
    }

    [Fact]
    public void Payload_is_padded_to_its_size_and_never_cut_below_the_token()
    {
        var buffer = new byte[200];
        var padded = PayloadToken.Write(buffer, PayloadToken.Marker, 1, 2, 3, 100);
        Assert.Equal(100, padded);
        Assert.Equal((byte)'x', buffer[99]);

        var tooSmall = PayloadToken.Write(buffer, PayloadToken.Marker, 1, 2, 3, 4);
        Assert.Equal("~LT1.2.3~", Encoding.ASCII.GetString(buffer, 0, tooSmall));
    }

    [Fact]
    public void Longest_token_fits_in_MaxTokenLength()
    {
        var buffer = new byte[200];
        var n = PayloadToken.Write(buffer, PayloadToken.ProbeMarker, int.MaxValue, long.MaxValue, long.MaxValue, 0);
        Assert.True(n <= PayloadToken.MaxTokenLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("12.")]
    [InlineData("12.5")]
    [InlineData("12.5.")]
    [InlineData("12.5.99")]
    [InlineData("a.5.99~")]
    [InlineData("12.b.99~")]
    [InlineData("12.5.c~")]
    [InlineData("-1.5.99~")]
    [InlineData("12,5,99~")]
    [InlineData("99999999999.5.99~")]
    public void Malformed_tokens_are_refused(string afterMarker)
    {
        Assert.False(PayloadToken.TryParse(Encoding.ASCII.GetBytes(afterMarker), out _, out _, out _));
    }

    [Fact]
    public void Token_followed_by_padding_and_line_end_parses()
    {
        Assert.True(PayloadToken.TryParse("7.8.9~xxxxxx"u8, out var sender, out var sequence, out var ticks));
        Assert.Equal((7, 8L, 9L), (sender, sequence, ticks));
    }
}
