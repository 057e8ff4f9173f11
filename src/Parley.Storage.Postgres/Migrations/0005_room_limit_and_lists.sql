-- Migration 5: a registered room's member limit (+l; 0 without it). Exceptions, invite exceptions
-- and mutes share room_bans, their masks prefixed "e:", "I:", "m:" (RoomListMasks).
ALTER TABLE rooms ADD COLUMN member_limit integer NOT NULL DEFAULT 0;
