"""One module per exercise (``eNN_slug.py``), each a dict ``CHECKS`` of question id to check."""
