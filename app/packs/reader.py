"""Placeholder replaced by the importer work; see app/packs/model.py for the contract."""
