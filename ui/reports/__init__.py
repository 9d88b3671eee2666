"""The Reports screens: the de-identified aggregate report."""
