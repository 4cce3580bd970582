#include "ProfileDock.h"

#include "ui/Session.h"
#include "ui/models/ProfileModel.h"
#include "ui/widgets/EmptyState.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace r2p::ui {

ProfileDock::ProfileDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Profile"), parent), session_(session) {
    setObjectName(QStringLiteral("ProfileDock"));
    stack_ = new QStackedWidget(this);
    empty_ = new EmptyState(stack_);
    empty_->setTitle(tr("No profile to show"));
    empty_->setHint(tr("Select a user to see every item of their profile."));
    stack_->addWidget(empty_);

    auto* page = new QWidget(stack_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    search_ = new QLineEdit(page);
    search_->setClearButtonEnabled(true);
    search_->setPlaceholderText(tr("Search this profile"));
    view_ = new QTableView(page);
    view_->setObjectName(QStringLiteral("ProfileView"));
    detail_ = new QTextBrowser(page);
    detail_->setObjectName(QStringLiteral("ProfileDetail"));
    auto* splitter = new QSplitter(Qt::Vertical, page);
    splitter->setObjectName(QStringLiteral("ProfileSplitter"));
    splitter->addWidget(view_);
    splitter->addWidget(detail_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    count_ = new QLabel(page);
    count_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(search_);
    layout->addWidget(splitter, 1);
    layout->addWidget(count_);
    stack_->addWidget(page);
    setWidget(stack_);

    model_ = new ProfileModel(this);
    proxy_ = new ProfileSearchProxy(this);
    proxy_->setSourceModel(model_);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(0, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->setTextElideMode(Qt::ElideRight);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);

    searchTimer_ = new QTimer(this);
    searchTimer_->setSingleShot(true);
    searchTimer_->setInterval(300);
    connect(search_, &QLineEdit::textChanged, searchTimer_, qOverload<>(&QTimer::start));
    connect(searchTimer_, &QTimer::timeout, this, [this] {
        proxy_->setSearchText(search_->text());
        updateCount();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProfileDock::showDetail);
    connect(session_, &Session::recordChanged, this, &ProfileDock::onRecordChanged);
    onRecordChanged();
}

void ProfileDock::setSearchText(const QString& text) {
    search_->setText(text);
    searchTimer_->stop();
    proxy_->setSearchText(text);
    updateCount();
}

void ProfileDock::onRecordChanged() {
    auto record = session_->record();
    model_->setRecord(record, session_->task());
    proxy_->setSearchText(search_->text());
    stack_->setCurrentIndex(record ? 1 : 0);
    if (!record) {
        empty_->setTitle(session_->selectedEntry()
                             ? (session_->recordError().isEmpty() ? tr("Loading…")
                                                                  : tr("Cannot show this record"))
                             : tr("No profile to show"));
        empty_->setHint(session_->recordError().isEmpty()
                            ? tr("Select a user to see every item of their profile.")
                            : session_->recordError());
        return;
    }
    // Narrow columns for #, id and labels, a fixed one for titles; the body text takes the rest.
    const QFontMetrics fm = view_->fontMetrics();
    QHeaderView* header = view_->horizontalHeader();
    header->setStretchLastSection(false);
    view_->setColumnWidth(0, fm.horizontalAdvance(QStringLiteral("0000")) + 12);
    view_->setColumnWidth(1, fm.horizontalAdvance(QStringLiteral("000000000")) + 12);
    bool stretched = false;
    for (int c = 2; c < model_->columnCount(); ++c) {
        const QString key = model_->fieldKey(c);
        const bool shortField = key == QLatin1String("score") || key == QLatin1String("tag") ||
                                key == QLatin1String("date") || key == QLatin1String("category");
        const bool titleField = key == QLatin1String("title");
        if (!shortField && !titleField && !stretched) {
            header->setSectionResizeMode(c, QHeaderView::Stretch);
            stretched = true;
            continue;
        }
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        view_->setColumnWidth(
            c, shortField ? fm.horizontalAdvance(QStringLiteral("social commentary")) + 16 : 300);
    }
    if (!stretched)
        header->setStretchLastSection(true);
    detail_->clear();
    updateCount();
    if (proxy_->rowCount() > 0)
        view_->setCurrentIndex(proxy_->index(0, 0));
}

void ProfileDock::showDetail() {
    const QModelIndex current = view_->currentIndex();
    const UserRecord* record = model_->record();
    if (!current.isValid() || !record) {
        detail_->clear();
        return;
    }
    const int row = current.data(ProfileModel::ItemIndexRole).toInt();
    const ProfileItem& item = record->profile[static_cast<std::size_t>(row)];
    QString html = QStringLiteral("<p><b>%1</b> %2 · <b>%3</b> %4</p>")
                       .arg(tr("Item"), QString::number(row + 1), tr("ID"),
                            QString::fromStdString(item.id).toHtmlEscaped());
    for (const auto& [key, value] : item.fields)
        html += QStringLiteral("<p style='margin:4px 0'><b>%1:</b> %2</p>")
                    .arg(ProfileModel::fieldTitle(QString::fromStdString(key)).toHtmlEscaped(),
                         QString::fromStdString(value).toHtmlEscaped());
    detail_->setHtml(html);
}

void ProfileDock::updateCount() {
    const int total = model_->rowCount();
    const int shown = proxy_->rowCount();
    count_->setText(shown == total ? tr("%n item(s)", nullptr, total)
                                   : tr("%1 of %n item(s)", nullptr, total).arg(shown));
}

} // namespace r2p::ui
