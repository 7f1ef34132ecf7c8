// LoadReportInput: what the report shows, read from the store and fused.
#include "fuse/fuse.h"
#include "report/load.h"
#include "report/report.h"

namespace sitrep::report {

Result<ReportInput> LoadReportInput(Store& store, std::string generated_at) {
  ReportInput in;
  in.generated_at = std::move(generated_at);
  auto docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  in.docs = std::move(*docs);
  auto fuse_in = LoadFuseInput(store);
  if (!fuse_in.ok()) return fuse_in.status();
  in.fusion = fuse::Fuse(*fuse_in);
  in.events = std::move(fuse_in->events);
  in.claims = std::move(fuse_in->claims);
  // Sentence spans, so each evidence quote highlights exactly its record's words.
  for (const DocumentSummary& d : in.docs) {
    auto doc = store.GetDocument(d.id);
    if (!doc.ok()) return doc.status();
    std::vector<Span>& spans = in.sentences[d.id];
    spans.reserve(doc->sentences.size());
    for (const Sentence& s : doc->sentences) spans.push_back(s.span);
  }
  return in;
}

}  // namespace sitrep::report
