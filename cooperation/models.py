"""Cross-border cooperation: buyers' procurement plans and their matches,
joint-procurement initiatives, open market consultations and profiles."""
