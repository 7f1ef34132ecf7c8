// LoadFuseInput: the store's lists turned into fuse::Input.
#include "report/load.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sitrep::report {

Result<fuse::Input> LoadFuseInput(Store& store) {
  auto docs = store.ListDocuments();
  if (!docs.ok()) return docs.status();
  auto signatures = store.ListSignatures();
  if (!signatures.ok()) return signatures.status();
  std::map<std::string, std::vector<uint32_t>> minhash;
  for (auto& [id, sig] : *signatures) minhash[id] = std::move(sig);

  fuse::Input in;
  in.docs.reserve(docs->size());
  for (const DocumentSummary& d : *docs) {
    fuse::DocInfo info;
    info.id = d.id;
    info.outlet = d.outlet;
    info.title = d.title;
    info.url = d.url;
    info.source = d.source;
    info.date = d.date;
    if (auto it = minhash.find(d.id); it != minhash.end()) info.minhash = std::move(it->second);
    in.docs.push_back(std::move(info));
  }
  auto events = store.ListEvents(EventQuery{});
  if (!events.ok()) return events.status();
  in.events = std::move(*events);
  auto claims = store.ListClaims(ClaimQuery{});
  if (!claims.ok()) return claims.status();
  in.claims = std::move(*claims);
  auto mentions = store.ListMentions("");
  if (!mentions.ok()) return mentions.status();
  in.mentions = std::move(*mentions);
  return in;
}

Result<fuse::Fusion> LoadFusion(Store& store) {
  auto in = LoadFuseInput(store);
  if (!in.ok()) return in.status();
  return fuse::Fuse(*in);
}

}  // namespace sitrep::report
