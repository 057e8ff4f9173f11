namespace Parley.Core.Events;

/// <summary>A notice from the server itself, such as a shutdown warning.</summary>
/// <param name="Text">Notice text.</param>
public sealed class ServerNoticeEvent(string Text) : ChatEvent
{
    /// <summary>Notice text.</summary>
    public string Text { get; } = Text;
}
