"""Detectors: each turns a text's tokens into candidate spans with their corrections.

A detector has a ``name``, a ``seeds(words)`` method naming the places of a text it must look at
(a necessary condition for its candidates; see ``fixer.prefilter``) and a
``candidates(view, tokens)`` method; the engine merges what they propose, the earlier detector
winning where two overlap unless a later one completes it.
"""
