using System.Text.Json.Serialization;
using Parley.Core.Events;

namespace Parley.Cluster.RabbitMq;

/// <summary>
/// System.Text.Json's source-generated metadata for every event kind: no reflection on the
/// receive path. Defaults (null, false, 0) are left out, which keeps a room message near 200 bytes.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(AccountChangedEvent))]
[JsonSerializable(typeof(AwayChangedEvent))]
[JsonSerializable(typeof(BroadcastEvent))]
[JsonSerializable(typeof(DirectMessageEvent))]
[JsonSerializable(typeof(DirectMessageRedactedEvent))]
[JsonSerializable(typeof(EchoEvent))]
[JsonSerializable(typeof(HostChangedEvent))]
[JsonSerializable(typeof(MissedMessageEvent))]
[JsonSerializable(typeof(NickChangedEvent))]
[JsonSerializable(typeof(PresenceSummaryEvent))]
[JsonSerializable(typeof(ReadMarkerEvent))]
[JsonSerializable(typeof(RealNameChangedEvent))]
[JsonSerializable(typeof(RoomBanChangedEvent))]
[JsonSerializable(typeof(RoomInviteEvent))]
[JsonSerializable(typeof(RoomMemberJoinedEvent))]
[JsonSerializable(typeof(RoomMemberLeftEvent))]
[JsonSerializable(typeof(RoomMessageEvent))]
[JsonSerializable(typeof(RoomMessageRedactedEvent))]
[JsonSerializable(typeof(RoomModeChangedEvent))]
[JsonSerializable(typeof(RoomRegistrationChangedEvent))]
[JsonSerializable(typeof(RoomRoleChangedEvent))]
[JsonSerializable(typeof(RoomTagMessageEvent))]
[JsonSerializable(typeof(RoomTopicChangedEvent))]
[JsonSerializable(typeof(ServerNoticeEvent))]
[JsonSerializable(typeof(TagMessageEvent))]
[JsonSerializable(typeof(UserJoinedEvent))]
[JsonSerializable(typeof(UserLeftEvent))]
[JsonSerializable(typeof(ReplicaPayload))]
internal sealed partial class ChatEventJsonContext : JsonSerializerContext;
