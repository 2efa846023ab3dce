// Tests for this target are added with the module they cover.
