// One table, written as Markdown, LaTeX (booktabs), HTML or CSV: what `r2p compare --format`
// and `r2p study report --format` print. Cells are plain text; each format escapes what it must
// (LaTeX's specials, HTML's markup, CSV's quotes) and CSV cells that a spreadsheet would read as
// a formula get a leading "'" (OWASP), numbers and a lone "-" excepted.
#pragma once

#include <string>
#include <vector>

namespace r2p::analysis {

enum class TableFormat { Invalid = 0, Markdown, Latex, Csv, Html };

struct TextTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::string align;   // one of 'l', 'r', 'c' per column; missing ones are 'l'
    std::string caption; // Markdown: a line above; LaTeX and HTML: the caption; CSV: none
    std::vector<std::size_t> ruleBefore; // rows a horizontal rule precedes (LaTeX: \midrule)
};

std::string renderTable(const TextTable& table, TableFormat format);

// Escapes for the formats, for text around a table.
std::string latexEscape(const std::string& text);
std::string htmlEscape(const std::string& text);
std::string csvCell(const std::string& text);

} // namespace r2p::analysis
