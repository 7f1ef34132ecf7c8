// Outlet profiles: the cases of tests/data/fuse/outlets_cases.txt, and the same shuffled.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "fuse/parts.h"
#include "fuse/table_cases.h"

namespace sitrep::fuse {
namespace {

using table_cases::Case;
using table_cases::Expect;

std::string Dump(const std::vector<OutletProfile>& ps) {
  std::ostringstream s;
  for (const OutletProfile& p : ps) {
    s << p.outlet << " (" << p.documents << " documents)\n";
    for (const OutletTerm& t : p.terms)
      s << "  " << t.category << " " << t.key << " [" << t.label << "] " << t.term << " x" << t.count << "\n";
  }
  return s.str();
}

void Check(const Case& c, const std::vector<OutletProfile>& ps) {
  for (const Expect& x : c.expects) {
    SCOPED_TRACE("outlets_cases.txt:" + std::to_string(x.line) + " case " + c.name + "\n" + Dump(ps));
    if (x.what == "outlets") {
      EXPECT_EQ(std::to_string(ps.size()), x.attrs.at("n"));
      continue;
    }
    auto p = std::find_if(ps.begin(), ps.end(), [&](const OutletProfile& o) { return o.outlet == x.attrs.at("outlet"); });
    if (p == ps.end()) {
      ADD_FAILURE() << "no outlet " << x.attrs.at("outlet");
      continue;
    }
    if (x.what == "documents") {
      EXPECT_EQ(std::to_string(p->documents), x.attrs.at("n"));
    } else if (x.what == "terms") {
      EXPECT_EQ(std::to_string(p->terms.size()), x.attrs.at("n"));
    } else if (x.what == "term") {
      auto t = std::find_if(p->terms.begin(), p->terms.end(), [&](const OutletTerm& t) {
        return t.category == x.attrs.at("category") && t.key == x.attrs.at("key") && t.term == x.attrs.at("term");
      });
      if (t == p->terms.end()) {
        ADD_FAILURE() << "no term " << x.attrs.at("term");
        continue;
      }
      EXPECT_EQ(std::to_string(t->count), x.attrs.at("count"));
      if (x.attrs.count("label")) {
        EXPECT_EQ(t->label, x.attrs.at("label"));
      }
    } else if (x.what == "order") {
      std::string got;
      for (const OutletTerm& t : p->terms) got += (got.empty() ? "" : ",") + t.term;
      EXPECT_EQ(got, x.attrs.at("terms"));
    } else {
      ADD_FAILURE() << "unknown expectation " << x.what;
    }
  }
}

TEST(Outlets, Cases) {
  auto cases = table_cases::ReadCases("outlets_cases.txt");
  ASSERT_FALSE(cases.empty());
  for (const Case& c : cases) Check(c, ProfileOutlets(c.in));
}

TEST(Outlets, OrderDoesNotMatter) {
  auto cases = table_cases::ReadCases("outlets_cases.txt");
  std::mt19937 rng(42);
  for (const Case& c : cases) {
    std::string want = Dump(ProfileOutlets(c.in));
    for (int round = 0; round < 8; ++round) {
      Input in = c.in;
      std::shuffle(in.docs.begin(), in.docs.end(), rng);
      std::shuffle(in.mentions.begin(), in.mentions.end(), rng);
      std::shuffle(in.events.begin(), in.events.end(), rng);
      EXPECT_EQ(Dump(ProfileOutlets(in)), want) << "case " << c.name;
    }
  }
}

TEST(Outlets, EmptyInput) { EXPECT_TRUE(ProfileOutlets(Input{}).empty()); }

}  // namespace
}  // namespace sitrep::fuse
