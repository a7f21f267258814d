"""JSON-LD and RDF for credentials: offline contexts, RDF conversion, RDFC-1.0 canonicalisation."""
