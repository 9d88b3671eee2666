"""Print preview, printing and saving of documents (imported on first use)."""
