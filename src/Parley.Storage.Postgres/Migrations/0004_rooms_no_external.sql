-- Migration 4: +n (RoomModes.NoExternal = 32) on for rooms registered before it (as SQLite's).
UPDATE rooms SET modes = modes | 32;
