// Findings phrased in the user's language (the model layer only has English for logs).
#pragma once

#include "model/Finding.h"

#include <QIcon>
#include <QString>

namespace r2p::ui {

QString findingText(const Finding& finding);
QString findingLocation(const Finding& finding); // "file.json:12:5" or "file.json"
QString severityText(Severity severity);
QIcon severityIcon(Severity severity);

} // namespace r2p::ui
