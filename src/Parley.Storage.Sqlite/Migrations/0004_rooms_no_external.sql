-- Migration 4: +n (Parley.Core.Rooms.RoomModes.NoExternal = 32) became a real mode, on by default.
-- Rooms registered before it refused messages from non-members anyway, so they keep that: +n.
UPDATE rooms SET modes = modes | 32;
