// Placeholder so the time library has a source until its first real file lands; delete it then.
namespace sitrep { void time_placeholder() {} }
