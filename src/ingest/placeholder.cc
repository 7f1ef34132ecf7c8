// Placeholder so the ingest library has a source until its first real file lands; delete it then.
namespace sitrep { void ingest_placeholder() {} }
