"""What every stage shares, importing no stage: errors, the vocabulary, where a project's files live and how
they are written, numbers and labels as people read them, conditions, RDF conversion, SPARQL on a store,
named queries, finding things by name, progress lines.

Modules here import only the standard library, third-party libraries and each other; every stage
(sources, builder, querying, viz, publish) may import them (tests/test_architecture.py).
"""
