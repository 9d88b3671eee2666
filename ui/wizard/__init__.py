"""The intake wizard: one household's intake, one step at a time."""
