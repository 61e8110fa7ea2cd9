"""Write: outputs are rendered to bytes first and replaced atomically, all or none."""
