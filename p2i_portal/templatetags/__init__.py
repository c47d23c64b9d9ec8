"""Template filters of the project package."""
