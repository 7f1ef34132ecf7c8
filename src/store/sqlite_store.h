// Internal to store/. The SQLite Store with the knobs tests need.
#pragma once

#include <memory>
#include <string>

#include "sitrep/env.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::store {

struct StoreOptions {
  // How long a write waits for another connection's lock before failing with
  // "database ... is busy". Default 5 s.
  int busy_timeout_ms = 5000;
};

// OpenStore with options. `clock` must outlive the store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const Clock* clock,
                                               const StoreOptions& options);

}  // namespace sitrep::store
