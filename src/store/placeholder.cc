// Placeholder so the store library has a source until its first real file lands; delete it then.
namespace sitrep { void store_placeholder() {} }
