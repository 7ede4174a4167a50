"""The spaCy side: loading the pipeline once per process and running it in batches."""
