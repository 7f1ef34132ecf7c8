// Placeholder so the extract library has a source until its first real file lands; delete it then.
namespace sitrep { void extract_placeholder() {} }
