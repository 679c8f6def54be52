"""Placeholder until the engine lands: finds nothing."""

def extract_items(document):
    return [], [], []
