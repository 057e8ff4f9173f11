-- Migration 5: a registered room's member limit (+l; 0 without it). Its ban exceptions (+e),
-- invite exceptions (+I) and mutes live in room_bans beside the bans, their mask prefixed with the
-- list's letter and a colon ("e:bob", "I:~alice", "m:spam*"): no mask starts with a letter and a
-- colon (nick patterns have no ':'), so plain bans read back unchanged (RoomListMasks).
ALTER TABLE rooms ADD COLUMN member_limit INTEGER NOT NULL DEFAULT 0;
