// Placeholder so the text library has a source until its first real file lands; delete it then.
namespace sitrep { void text_placeholder() {} }
