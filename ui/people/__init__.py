"""Dialogs that create or change a person's record."""
