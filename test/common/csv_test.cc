#include "common/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sg {
namespace {

TEST(Csv, SplitsQuotedCells) {
  EXPECT_EQ(SplitCsvLine("a,b,c"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(SplitCsvLine("2025,\"Herefordshire, County of\",x"),
            (std::vector<std::string>{"2025", "Herefordshire, County of", "x"}));
  EXPECT_EQ(SplitCsvLine("\"say \"\"hi\"\"\","), (std::vector<std::string>{"say \"hi\"", ""}));
  EXPECT_EQ(SplitCsvLine(""), (std::vector<std::string>{""}));
}

TEST(Csv, LinesAreNumberedAndCarriageReturnsDropped) {
  std::vector<std::pair<int, std::string>> seen;
  Status s = ForEachLine("a\r\n\nb", [&](int n, std::string_view line) {
    seen.emplace_back(n, std::string(line));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(seen, (std::vector<std::pair<int, std::string>>{{1, "a"}, {2, ""}, {3, "b"}}));
  Status stop = ForEachLine("a\nb\nc", [](int n, std::string_view) {
    return n == 2 ? InvalidArgument("line 2") : Status::Ok();
  });
  EXPECT_EQ(stop.message(), "line 2");
}

}  // namespace
TEST(Csv, WrittenCellsSplitBackToThemselves) {
  const std::vector<std::string> cells = {"plain", "a,b", "say \"hi\"", "two\nlines", ""};
  std::ostringstream line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line << ',';
    WriteCsvCell(line, cells[i]);
  }
  EXPECT_EQ(line.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",");
  // (A cell holding a line break spans lines: split the joined text as one line.)
  EXPECT_EQ(SplitCsvLine(line.str()), cells);
}

}  // namespace sg
