-- Migration 8: room history keeps events beside messages (IRCv3 draft/event-playback): kind is
-- Parley.Core.Rooms.RoomEntryKind (0 message, 1 join, 2 part, 3 quit, 4 kick, 5 topic); target is
-- the kicked nick of a kick, NULL otherwise.
ALTER TABLE room_messages ADD COLUMN kind integer NOT NULL DEFAULT 0;
ALTER TABLE room_messages ADD COLUMN target text NULL;
