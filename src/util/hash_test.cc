#include "util/hash.h"

#include "gtest/gtest.h"

namespace sitrep {
namespace {

TEST(Hash, ContentIdIsSixteenLowercaseHexDigits) {
  for (std::string_view s : {"", "a", "some text\n", "\xC3\xA9"}) {
    std::string id = ContentId(s);
    ASSERT_EQ(id.size(), 16u);
    for (char c : id) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << id;
  }
}

TEST(Hash, ContentIdIsStableAndDiscriminates) {
  // XXH3-64 with seed 0 is frozen; these pin it so ids never drift between versions.
  EXPECT_EQ(ContentId(""), "2d06800538d394c2");
  EXPECT_EQ(ContentId("abc"), "78af5f94892f3950");
  EXPECT_EQ(ContentId("same text"), ContentId(std::string("same ") + "text"));
  EXPECT_NE(ContentId("same text"), ContentId("same text "));
}

TEST(Hash, Hash64MatchesContentId) {
  uint64_t h = Hash64("abc");
  char buf[17];
  snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  EXPECT_EQ(ContentId("abc"), buf);
}

}  // namespace
}  // namespace sitrep
