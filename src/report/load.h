// Internal to report/ (the cli calls it). Reading what fusion needs out of the store.
//
//   auto in = report::LoadFuseInput(*store);   // every document, event, claim, mention
//   fuse::Fusion f = fuse::Fuse(*in);
//
// Reads only; the store is used from the calling thread. Fails only when the store does
// (the Status is the store's). An empty store gives an empty Input.
#pragma once

#include "fuse/fuse.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::report {

// Every stored document as a fuse::DocInfo (id, outlet, title, url, source, date and its
// MinHash signature; empty when none is stored) with all events, claims and mentions.
// Order follows the store's lists; Fuse does not depend on it.
Result<fuse::Input> LoadFuseInput(Store& store);

// LoadFuseInput then fuse::Fuse.
Result<fuse::Fusion> LoadFusion(Store& store);

}  // namespace sitrep::report
