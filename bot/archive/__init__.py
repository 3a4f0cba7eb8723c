"""The archive's life: the corpus folder and its parse cache, fetched pages, uploads and feeds."""
