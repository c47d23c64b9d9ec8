"""The shared knowledge base: tools, best practices, case studies; search."""
