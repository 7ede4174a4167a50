"""The warehouse: staged part files, atomic partition swaps, the entities dimension."""
