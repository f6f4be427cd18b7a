"""Triage (rule 5): classify an incoming comment and prescribe what the policy says to do."""
