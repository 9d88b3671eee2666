"""The Qt user interface and the command line: both are thin layers over app/."""
