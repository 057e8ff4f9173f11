namespace Parley.Protocols.Line;

/// <summary>Why <see cref="LineRequestParser.TryParse"/> could not produce a request.</summary>
public enum LineParseError
{
    /// <summary>Parsed.</summary>
    None,

    /// <summary>The line is empty or blank: ignore it, send no reply.</summary>
    Empty,

    /// <summary>The bytes are not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The line holds control characters that could spoof a terminal (CR, ESC, NUL...).</summary>
    ControlCharacter,

    /// <summary>A malformed shorthand, e.g. <c>@bob</c> without <c>:</c>.</summary>
    Syntax,
}
