"""Loading a corpus folder: file reading, worker processes, the cache, memory tuning; the rules stay in core."""
