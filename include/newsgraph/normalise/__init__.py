"""Normalisers: entity names, money amounts, places; pure functions over text and spaCy docs."""
