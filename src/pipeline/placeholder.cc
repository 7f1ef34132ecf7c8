// Placeholder so the pipeline library has a source until its first real file lands; delete it then.
namespace sitrep { void pipeline_placeholder() {} }
