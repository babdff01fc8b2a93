"""Detectors: each turns a text's tokens into candidate spans with their corrections.

A detector has a ``name`` and a ``candidates(view, tokens)`` method; the engine merges what they
propose, the earlier detector winning where two overlap.
"""
