"""Build a cross-linked MkDocs Material glossary from YAML term files.

The pipeline is four hops: read (``source``) → validate and link (``validate``,
``crossref``) → render (``render``) → the MkDocs adapter (``plugin``). Everything but
the adapter is plain Python over frozen dataclasses, so it can be tested and reused
without MkDocs.
"""

__version__ = "0.1.0"
