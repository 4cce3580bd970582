#include "TableText.h"

#include <cstdlib>

namespace r2p::analysis {

namespace {

char alignOf(const TextTable& t, std::size_t column) {
    return column < t.align.size() ? t.align[column] : 'l';
}

bool isNumber(const std::string& text) {
    if (text.empty())
        return false;
    char* end = nullptr;
    (void)std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

std::string markdown(const TextTable& t) {
    std::string out;
    if (!t.caption.empty())
        out += t.caption + "\n\n";
    auto cell = [](const std::string& s) {
        std::string e;
        for (char ch : s) {
            if (ch == '|')
                e += "\\|";
            else if (ch == '\n')
                e += ' ';
            else
                e += ch;
        }
        return e;
    };
    auto line = [&](const std::vector<std::string>& cells) {
        out += "|";
        for (const auto& c : cells)
            out += " " + cell(c) + " |";
        out += "\n";
    };
    line(t.header);
    out += "|";
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        const char a = alignOf(t, i);
        out += a == 'r' ? " ---: |" : a == 'c' ? " :---: |" : " --- |";
    }
    out += "\n";
    for (const auto& r : t.rows)
        line(r);
    return out;
}

std::string latex(const TextTable& t) {
    std::string spec;
    for (std::size_t i = 0; i < t.header.size(); ++i)
        spec += alignOf(t, i);
    std::string out = "\\begin{table}\n\\centering\n\\begin{tabular}{" + spec + "}\n\\toprule\n";
    for (std::size_t i = 0; i < t.header.size(); ++i)
        out += (i ? " & " : "") + latexEscape(t.header[i]);
    out += " \\\\\n\\midrule\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        for (std::size_t rule : t.ruleBefore)
            if (rule == r && r > 0)
                out += "\\midrule\n";
        for (std::size_t i = 0; i < t.rows[r].size(); ++i)
            out += (i ? " & " : "") + latexEscape(t.rows[r][i]);
        out += " \\\\\n";
    }
    out += "\\bottomrule\n\\end{tabular}\n";
    if (!t.caption.empty())
        out += "\\caption{" + latexEscape(t.caption) + "}\n";
    out += "\\end{table}\n";
    return out;
}

std::string html(const TextTable& t) {
    std::string out = "<table>\n";
    if (!t.caption.empty())
        out += "<caption>" + htmlEscape(t.caption) + "</caption>\n";
    auto style = [&](std::size_t i) {
        const char a = alignOf(t, i);
        return std::string(a == 'r'   ? " style=\"text-align:right\""
                           : a == 'c' ? " style=\"text-align:center\""
                                      : "");
    };
    out += "<thead><tr>";
    for (std::size_t i = 0; i < t.header.size(); ++i)
        out += "<th" + style(i) + ">" + htmlEscape(t.header[i]) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        bool rule = false;
        for (std::size_t before : t.ruleBefore)
            rule = rule || (before == r && r > 0);
        out += rule ? "<tr class=\"group\">" : "<tr>";
        for (std::size_t i = 0; i < t.rows[r].size(); ++i)
            out += "<td" + style(i) + ">" + htmlEscape(t.rows[r][i]) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
    return out;
}

std::string csv(const TextTable& t) {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + csvCell(cells[i]);
        out += "\n";
    };
    line(t.header);
    for (const auto& r : t.rows)
        line(r);
    return out;
}

} // namespace

std::string latexEscape(const std::string& text) {
    std::string e;
    for (char ch : text) {
        switch (ch) {
        case '%':
        case '&':
        case '_':
        case '#':
        case '$':
        case '{':
        case '}':
            e += '\\';
            e += ch;
            break;
        case '\\':
            e += "\\textbackslash{}";
            break;
        case '~':
            e += "\\textasciitilde{}";
            break;
        case '^':
            e += "\\textasciicircum{}";
            break;
        default:
            e += ch;
        }
    }
    return e;
}

std::string htmlEscape(const std::string& text) {
    std::string e;
    for (char ch : text) {
        switch (ch) {
        case '&':
            e += "&amp;";
            break;
        case '<':
            e += "&lt;";
            break;
        case '>':
            e += "&gt;";
            break;
        case '"':
            e += "&quot;";
            break;
        default:
            e += ch;
        }
    }
    return e;
}

std::string csvCell(const std::string& text) {
    std::string cell = text;
    const bool formula =
        !cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos;
    if (formula && cell != "-" && !isNumber(cell))
        cell.insert(cell.begin(), '\'');
    if (cell.find_first_of(",\"\n\r") == std::string::npos)
        return cell;
    std::string q = "\"";
    for (char ch : cell)
        q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return q + "\"";
}

std::string renderTable(const TextTable& table, TableFormat format) {
    switch (format) {
    case TableFormat::Markdown:
        return markdown(table);
    case TableFormat::Latex:
        return latex(table);
    case TableFormat::Html:
        return html(table);
    case TableFormat::Csv:
        return csv(table);
    case TableFormat::Invalid:
        break;
    }
    return {};
}

} // namespace r2p::analysis
