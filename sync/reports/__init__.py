"""Reports made on the device from its vault: the de-identified aggregate report."""
