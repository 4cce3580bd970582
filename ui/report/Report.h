// Stakeholder reports of a stored run, or of one user of it, as one self-contained HTML file
// (charts embedded as PNG data: URIs) or as an A4 PDF. Everything comes from the project file:
// the run's settings, RunSummary's metrics and deltas, verdicts, annotations and traces. Every
// piece of model or user text is HTML-escaped.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"

#include <QImage>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

class QTextDocument;

namespace r2p::ui {

struct ReportRequest {
    std::int64_t runId = 0;
    std::optional<std::string> userId;     // set: the report of this one user
    SystemId baseline = SystemId::Invalid; // Invalid: lamp-rag if the run has it, else the first
    std::string metric = {}; // a generation run's ROUGE variant; empty: the run's main_metric
};

enum class ReportFormat {
    Invalid = 0,
    Html, // *.html, *.htm
    Pdf,  // *.pdf
};
// From the file's extension, case-insensitive; Invalid for anything else.
ReportFormat reportFormat(const QString& path);

// A report before it is written: HTML whose images are named resources, and those images.
struct ReportDocument {
    QString title;
    QString html; // <img src="NAME"> for each of `images`
    std::vector<std::pair<QString, QImage>> images;

    // The HTML with every image inlined as a base64 PNG data: URI.
    QString selfContainedHtml() const;
    // A QTextDocument of the HTML with the images added as resources (for PDF and previews).
    std::unique_ptr<QTextDocument> textDocument() const;
};

// Builds the report. Error names the run or user when the project has no such run, or the run
// no such user. Needs a QApplication (the charts are drawn with Qt Charts, offscreen).
Result<ReportDocument> buildReport(ProjectStore& store, const ReportRequest& request);
// The report as one self-contained HTML page.
Result<QString> reportHtml(ProjectStore& store, const ReportRequest& request);
// Writes the report as HTML or PDF, chosen by the extension of `path`, through a QSaveFile:
// on any Error (unknown run or user, other extension, unwritable path) no file is left behind.
Status writeReport(ProjectStore& store, const ReportRequest& request, const QString& path);

} // namespace r2p::ui
