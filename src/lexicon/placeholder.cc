// Placeholder so the lexicon library has a source until its first real file lands; delete it then.
namespace sitrep { void lexicon_placeholder() {} }
