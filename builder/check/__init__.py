"""Check: read the built PDF and deck back, write the manifest, compare the two outputs."""
