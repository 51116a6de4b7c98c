// core/io/board_input.hpp: what the app (a dropped or picked file, pasted text) and the CLI (a file, a
// link argument, standard input) accept is decided in one place, and both make new boards alike.
#include "core/io/board_input.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/codec/share_link.hpp"
#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

Board sample() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.id = "input-board";
  return b;
}

TEST(BoardInput, SniffsJsonLinksAndMarkdown) {
  const std::string json = saveJson(sample());
  const std::string link = encodeLink(sample(), "https://example.org/");
  EXPECT_EQ(sniffBoardInput(json), BoardInput::Json);
  EXPECT_EQ(sniffBoardInput("\xEF\xBB\xBF \n" + json, "board.json"), BoardInput::Json) << "BOM and white space";
  EXPECT_EQ(sniffBoardInput(json, "notes.md"), BoardInput::Markdown) << "the name says Markdown";
  EXPECT_EQ(sniffBoardInput(link), BoardInput::Link);
  EXPECT_EQ(sniffBoardInput("  " + link + "\n", "link.txt"), BoardInput::Link) << "a link kept in a text file";
  EXPECT_EQ(sniffBoardInput(std::string(linkFragment(link))), BoardInput::Link) << "a bare fragment";
  EXPECT_EQ(sniffBoardInput("#json=%7B%7D"), BoardInput::Link);
  EXPECT_EQ(sniffBoardInput("# Workshop\n\n## Sagt\n- Zu teuer\n"), BoardInput::Markdown);
  EXPECT_EQ(sniffBoardInput("#hashtag notes"), BoardInput::Markdown);
  EXPECT_EQ(sniffBoardInput("Hallo"), BoardInput::Markdown);
}

TEST(BoardInput, ReadsWhatItSniffed) {
  const Board b = sample();
  for (const std::string& text : {saveJson(b), encodeLink(b, "https://example.org/")}) {
    Result<Board> read = readBoardInput(text);
    ASSERT_TRUE(read.ok()) << english(read.error());
    EXPECT_EQ(saveJson(*read), saveJson(b));
  }
  Result<Board> md = readBoardInput("# Workshop\n\n## Sagt\n- Zu teuer\n", "notes.md");
  ASSERT_TRUE(md.ok()) << english(md.error());
  EXPECT_EQ(md->title, "Workshop");
  EXPECT_FALSE(readBoardInput("{\"format\": 1", "broken.json").ok());
}

TEST(BoardInput, NewBoardsGetARandomIdTheTemplatesNameAndTheTime) {
  Result<Board> a = newBoardFromTemplate(BoardKind::Journey, "lifecycle", Lang::De, 123456789, 1'700'000'000'000);
  ASSERT_TRUE(a.ok()) << english(a.error());
  EXPECT_EQ(a->id.size(), 10u);
  EXPECT_EQ(a->createdAt, 1'700'000'000'000);
  EXPECT_EQ(a->modifiedAt, 1'700'000'000'000);
  std::string name;
  for (const TemplateInfo& t : listTemplates(Lang::De)) {
    if (t.id == "lifecycle") name = t.name;
  }
  EXPECT_EQ(a->title, name);
  Result<Board> b = newBoardFromTemplate(BoardKind::Journey, "lifecycle", Lang::De, 987654321, 1);
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->id, b->id);
  EXPECT_FALSE(newBoardFromTemplate(BoardKind::Journey, "nope", Lang::De, 1, 1).ok());
}

}  // namespace
}  // namespace mapathy
