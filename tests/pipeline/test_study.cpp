// Study files: what a valid one becomes (cells, their r2p run arguments, seeds per repeat,
// fingerprints), every kind of error located at the file's line and column, and the table
// writer's escaping per format.
#include "pipeline/analysis/Study.h"
#include "pipeline/analysis/TableText.h"
#include "support/TestSupport.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::analysis;

namespace {

// A study over two demo tasks; `extra` is spliced in before the closing brace.
std::string studyText(const std::string& extra = {}) {
    return std::string(R"({
  "r2p_study": 1,
  "name": "unit",
  "seed": 7,
  "repeats": 2,
  "datasets": [
    {"task": "LaMP-2", "questions": "LaMP-2/dev_questions.json", "outputs": "LaMP-2/dev_outputs.json", "users": 3},
    {"task": "LaMP-3", "questions": "LaMP-3/dev_questions.json"}
  ],
  "systems": ["lamp-rag", "r2p"],
  "k": [1, 4],
  "models": [
    {"id": "a", "backend": "offline"},
    {"id": "b", "label": "Model B", "backend": "openai", "model": "m-b",
     "endpoints": ["http://127.0.0.1:9,max=2", "http://127.0.0.1:10"],
     "systems": ["no-profile", "lrm-rag"], "options": {"mode": "chat", "candidates": 2}}
  ],
  "options": {"candidates": 3, "shadow": false, "temperature": 0.5})") +
           extra + "\n}\n";
}

Result<Study> parse(const std::string& text) {
    return parseStudy(text, "s.json", test::demoDir());
}

std::string errorOf(const std::string& text) {
    auto s = parse(text);
    EXPECT_FALSE(s) << "accepted:\n" << text;
    return s ? std::string() : s.error().message;
}

std::string valueAfter(const std::vector<std::string>& args, const std::string& flag) {
    const auto it = std::find(args.begin(), args.end(), flag);
    return it == args.end() || it + 1 == args.end() ? std::string("(absent)") : *(it + 1);
}

} // namespace

TEST(Study, AValidFileBecomesOneCellPerDatasetModelKAndRepeat) {
    auto s = parse(studyText(R"(,
  "reference": {"model": "b", "system": "lrm-rag"})"));
    ASSERT_TRUE(s) << s.error().message;
    EXPECT_EQ(s->name, "unit");
    EXPECT_EQ(s->title, "unit"); // defaults to the name
    ASSERT_TRUE(s->reference);
    EXPECT_EQ(s->reference->k, 1); // the first k
    // Rows: a's two systems and b's own two, each at k 1 and 4.
    const auto rows = s->rows();
    ASSERT_EQ(rows.size(), 8u);
    EXPECT_EQ(rows[0], (StudyRow{"a", SystemId::LampRag, 1}));
    EXPECT_EQ(rows[7], (StudyRow{"b", SystemId::LrmRag, 4}));

    const auto cells = studyCells(*s);
    ASSERT_EQ(cells.size(), 2u * 2u * 2u * 2u);
    EXPECT_EQ(cells[0].key, "LaMP-2/a/k1/r0");
    EXPECT_EQ(cells[1].key, "LaMP-2/a/k1/r1");
    EXPECT_EQ(cells.back().key, "LaMP-3/b/k4/r1");
    // Repeat r runs with seed + r.
    EXPECT_EQ(valueAfter(cells[0].runArgs, "--seed"), "7");
    EXPECT_EQ(valueAfter(cells[1].runArgs, "--seed"), "8");
    EXPECT_NE(cells[0].fingerprint, cells[1].fingerprint);
    EXPECT_EQ(valueAfter(cells[0].runArgs, "--users"), "3");
    EXPECT_EQ(valueAfter(cells[0].runArgs, "--systems"), "lamp-rag,r2p");
    EXPECT_EQ(valueAfter(cells[0].runArgs, "--questions"),
              test::demoDir() + "/LaMP-2/dev_questions.json");
    EXPECT_EQ(valueAfter(cells[0].runArgs, "--temperature"), "0.5");
    EXPECT_EQ(std::count(cells[0].runArgs.begin(), cells[0].runArgs.end(), "--shadow"), 0);
    // LaMP-3 has no outputs file here; its users default to all.
    const StudyCell& b = cells.back();
    EXPECT_EQ(valueAfter(b.runArgs, "--outputs"), "(absent)");
    EXPECT_EQ(valueAfter(b.runArgs, "--users"), "all");
    EXPECT_EQ(valueAfter(b.runArgs, "--systems"), "no-profile,lrm-rag");
    EXPECT_EQ(valueAfter(b.runArgs, "--model"), "m-b");
    EXPECT_EQ(std::count(b.runArgs.begin(), b.runArgs.end(), "--endpoint"), 2);
    // The model's options come after the study's: r2p run takes the last --candidates.
    std::vector<std::string> candidates;
    for (std::size_t i = 0; i + 1 < b.runArgs.size(); ++i)
        if (b.runArgs[i] == "--candidates")
            candidates.push_back(b.runArgs[i + 1]);
    EXPECT_EQ(candidates, (std::vector<std::string>{"3", "2"}));

    // The same file gives the same fingerprints; another setting, other ones.
    auto again = parse(studyText(R"(,
  "reference": {"model": "b", "system": "lrm-rag"})"));
    ASSERT_TRUE(again);
    EXPECT_EQ(studyCells(*again)[5].fingerprint, cells[5].fingerprint);
    std::string other = studyText();
    other.replace(other.find("\"candidates\": 3"), 15, "\"candidates\": 4");
    auto changed = parse(other);
    ASSERT_TRUE(changed);
    EXPECT_NE(studyCells(*changed)[0].fingerprint, cells[0].fingerprint);
}

TEST(Study, EveryErrorNamesTheFileLineAndColumn) {
    // Malformed JSON: where the parser stopped (line 4 is "  \"seed\": ,").
    std::string bad = studyText();
    bad.replace(bad.find("\"seed\": 7"), 9, "\"seed\": ,");
    EXPECT_NE(errorOf(bad).find("s.json: line 4, column 11: not valid JSON"), std::string::npos)
        << errorOf(bad);

    // An unknown system: the value's own position (line 10, the 15th byte opens "lamp-rug").
    std::string system = studyText();
    system.replace(system.find("\"lamp-rag\", \"r2p\""), 10, "\"lamp-rug\"");
    EXPECT_NE(errorOf(system).find("s.json: line 10, column 15: unknown system \"lamp-rug\""),
              std::string::npos)
        << errorOf(system);

    // An unknown key: the key's position.
    EXPECT_NE(errorOf(studyText(",\n  \"repeat\": 3"))
                  .find("s.json: line 19, column 3: unknown key \"repeat\""),
              std::string::npos)
        << errorOf(studyText(",\n  \"repeat\": 3"));

    // A missing dataset file.
    std::string file = studyText();
    file.replace(file.find("LaMP-3/dev_questions.json"), 25, "LaMP-3/missing.json");
    EXPECT_NE(errorOf(file).find("s.json: line 8, column 37: no file "), std::string::npos)
        << errorOf(file);

    // Wrong types and ranges.
    EXPECT_NE(errorOf(studyText(",\n  \"k\": [4, -1]")).find("\"k\" is given twice"),
              std::string::npos);
    std::string negative = studyText();
    negative.replace(negative.find("\"k\": [1, 4]"), 11, "\"k\": [1, -4]");
    EXPECT_NE(errorOf(negative).find("s.json: line 11, column 12: each k must be from 0 to 1000"),
              std::string::npos)
        << errorOf(negative);
    std::string option = studyText();
    option.replace(option.find("\"candidates\": 3"), 15, "\"candidates\": 30");
    EXPECT_NE(errorOf(option).find("\"candidates\" must be from 1 to 16"), std::string::npos);
    std::string mode = studyText();
    mode.replace(mode.find("\"mode\": \"chat\""), 14, "\"mode\": \"fast\"");
    EXPECT_NE(errorOf(mode).find("\"mode\" must be one of auto, prefill, chat"), std::string::npos);
    std::string unknownOption = studyText();
    unknownOption.replace(unknownOption.find("\"shadow\": false"), 15, "\"resume\": 3");
    EXPECT_NE(errorOf(unknownOption).find("\"resume\" is not an option a study sets"),
              std::string::npos);

    // A reference that names no row.
    EXPECT_NE(errorOf(studyText(",\n  \"reference\": {\"model\": \"c\", \"system\": \"r2p\"}"))
                  .find("line 19, column 26: the reference names no model"),
              std::string::npos);
    EXPECT_NE(errorOf(studyText(",\n  \"reference\": {\"model\": \"b\", \"system\": \"r2p\"}"))
                  .find("model \"b\" runs no system \"r2p\""),
              std::string::npos);
    EXPECT_NE(errorOf(studyText(",\n  \"reference\": {\"model\": \"a\", \"system\": \"r2p\", "
                                "\"k\": 2}"))
                  .find("the study runs no k 2"),
              std::string::npos);

    // Models: an openai model without a server, the same id twice.
    std::string server = studyText();
    const auto eps = server.find("\"endpoints\"");
    server.erase(eps, server.find("],", eps) + 2 - eps);
    EXPECT_NE(errorOf(server).find("an openai model needs \"endpoints\" or \"base_url\""),
              std::string::npos)
        << errorOf(server);
    std::string twice = studyText();
    twice.replace(twice.find("{\"id\": \"b\""), 10, "{\"id\": \"a\"");
    EXPECT_NE(errorOf(twice).find("model id \"a\" is used twice"), std::string::npos);

    // Not a study at all, a newer version, a duplicate key.
    EXPECT_NE(errorOf("{\"version\": 1}").find("\"r2p_study\""), std::string::npos);
    std::string newer = studyText();
    newer.replace(newer.find("\"r2p_study\": 1"), 14, "\"r2p_study\": 2");
    EXPECT_NE(errorOf(newer).find("\"r2p_study\" must be from 1 to 1"), std::string::npos);
    std::string dup = studyText();
    dup.replace(dup.find("\"repeats\": 2"), 12, "\"seed\": 8");
    EXPECT_NE(errorOf(dup).find("line 5, column 3: the key \"seed\" is given twice"),
              std::string::npos)
        << errorOf(dup);
}

TEST(Study, AStudyFileIsReadRelativeToItsFolderAndMustBeARegularFile) {
    test::TempDir dir;
    auto missing = readStudyFile(dir.file("none.json"));
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find(dir.file("none.json")), std::string::npos);
    auto folder = readStudyFile(dir.path().string());
    ASSERT_FALSE(folder);
    // The shipped example checks out, its paths resolved against docs/studies/.
    auto example = readStudyFile(test::sourceDir() + "/docs/studies/lamp-llm-vs-lrm-offline.json");
    ASSERT_TRUE(example) << example.error().message;
    EXPECT_EQ(example->datasets.size(), 6u);
    EXPECT_EQ(studyCells(*example).size(), 12u);
}

TEST(TableText, EachFormatEscapesWhatItMust) {
    TextTable t;
    t.header = {"name", "value"};
    t.rows = {{"a_b & {c} 50% #1 $x ~^\\", "-0.5"}, {"=SUM(A1)", "x|y <b>\"q\""}};
    t.align = "lr";
    const std::string latex = renderTable(t, TableFormat::Latex);
    EXPECT_NE(latex.find("\\begin{tabular}{lr}"), std::string::npos);
    EXPECT_NE(latex.find("a\\_b \\& \\{c\\} 50\\% \\#1 \\$x \\textasciitilde{}"
                         "\\textasciicircum{}\\textbackslash{} & -0.5 \\\\"),
              std::string::npos)
        << latex;
    const std::string md = renderTable(t, TableFormat::Markdown);
    EXPECT_NE(md.find("| --- | ---: |"), std::string::npos) << md;
    EXPECT_NE(md.find("x\\|y"), std::string::npos) << md;
    const std::string html = renderTable(t, TableFormat::Html);
    EXPECT_NE(html.find("x|y &lt;b&gt;&quot;q&quot;"), std::string::npos) << html;
    EXPECT_NE(html.find("a_b &amp; {c}"), std::string::npos) << html;
    // CSV: a formula gets a leading quote; a negative number and quotes stay what they are.
    const std::string csv = renderTable(t, TableFormat::Csv);
    EXPECT_EQ(csv, "name,value\na_b & {c} 50% #1 $x ~^\\,-0.5\n'=SUM(A1),\"x|y <b>\"\"q\"\"\"\n");
}
