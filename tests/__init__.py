"""partnergraph tests."""
