"""The sync screen, the enroll dialog, the timeliness banner and the background sync."""
