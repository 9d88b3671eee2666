"""The client profile opened from a search result."""
