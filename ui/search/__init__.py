"""The main window: finding people."""
