"""Device setup: policy pack, agency and first administrator; or a demo vault."""
