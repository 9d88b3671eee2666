"""The Projects screen and the project editor the setup screen shares."""
