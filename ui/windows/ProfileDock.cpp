#include "ProfileDock.h"

#include "ui/Session.h"
#include "ui/models/ProfileModel.h"
#include "ui/widgets/EmptyState.h"
#include "ui/widgets/TermHighlight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

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
    ranker_ = new QComboBox(page);
    ranker_->addItem(tr("BM25"), QStringLiteral("bm25"));
    ranker_->addItem(tr("Recency"), QStringLiteral("recency"));
    ranker_->addItem(tr("Random"), QStringLiteral("random"));
    ranker_->setToolTip(tr("How the profile is ranked against the query (BM25 is LaMP-exact)"));
    k_ = new QSpinBox(page);
    k_->setRange(0, 10000);
    k_->setValue(session_->retrievalK());
    k_->setSpecialValueText(tr("all"));
    k_->setPrefix(tr("k = "));
    k_->setToolTip(tr("How many top-ranked items count as retrieved (0: all)"));
    full_ = new QCheckBox(tr("&Full profile"), page);
    full_->setToolTip(tr("Show every profile item, the retrieved ones in bold"));
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(ranker_);
    controls->addWidget(k_);
    controls->addWidget(full_);
    search_ = new QLineEdit(page);
    controls->addWidget(search_, 1);
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
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addWidget(count_);
    stack_->addWidget(page);
    setWidget(stack_);

    model_ = new ProfileModel(this);
    proxy_ = new ProfileSearchProxy(this);
    proxy_->setSourceModel(model_);
    view_->setModel(proxy_);
    view_->setItemDelegate(new TermHighlightDelegate(ProfileModel::MatchedTermsRole, view_));
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
    connect(session_, &Session::rankingChanged, this, &ProfileDock::onRankingChanged);
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection& before) {
                if (now.cited != before.cited)
                    model_->setCited(now.cited);
            });
    connect(ranker_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { session_->setRanker(ranker_->currentData().toString()); });
    connect(k_, qOverload<int>(&QSpinBox::valueChanged), session_, &Session::setRetrievalK);
    connect(full_, &QCheckBox::toggled, this, &ProfileDock::onRankingChanged);
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
    layoutColumns();
    onRankingChanged();
}

void ProfileDock::onRankingChanged() {
    if (!session_->record())
        return;
    const int selected = view_->currentIndex().isValid()
                             ? view_->currentIndex().data(ProfileModel::ItemIndexRole).toInt()
                             : -1;
    model_->setRanking(session_->ranking(), session_->retrievalK(), full_->isChecked());
    if (k_->value() != session_->retrievalK())
        k_->setValue(session_->retrievalK());
    view_->sortByColumn(ProfileModel::ColumnRank, Qt::AscendingOrder);
    updateCount();
    // Keep the item the user was looking at, if it is still shown.
    QModelIndex target = proxy_->rowCount() > 0 ? proxy_->index(0, 0) : QModelIndex();
    for (int r = 0; selected >= 0 && r < proxy_->rowCount(); ++r)
        if (proxy_->index(r, 0).data(ProfileModel::ItemIndexRole).toInt() == selected)
            target = proxy_->index(r, 0);
    if (target.isValid())
        view_->setCurrentIndex(target);
    showDetail();
}

// Narrow columns for rank, score, id and labels; the title and the body text share the rest.
void ProfileDock::layoutColumns() {
    const QFontMetrics fm = view_->fontMetrics();
    QHeaderView* header = view_->horizontalHeader();
    header->setStretchLastSection(false);
    // A column is as wide as its widest value or its header, whichever is wider (German
    // "Bewertung" is wider than any score).
    const auto fit = [this, header](int column, int contents) {
        view_->setColumnWidth(column, std::max(contents, header->sectionSizeHint(column)));
    };
    fit(ProfileModel::ColumnRank, fm.horizontalAdvance(QStringLiteral("00")) + 12);
    fit(ProfileModel::ColumnScore, fm.horizontalAdvance(QStringLiteral("00.000")) + 16);
    fit(ProfileModel::ColumnId, fm.horizontalAdvance(QStringLiteral("000000000")) + 12);
    bool stretched = false; // the body text's column
    bool anyStretched = false;
    for (int c = ProfileModel::FixedColumns; c < model_->columnCount(); ++c) {
        const QString key = model_->fieldKey(c);
        const bool shortField = key == QLatin1String("score") || key == QLatin1String("tag") ||
                                key == QLatin1String("date") || key == QLatin1String("category");
        const bool titleField = key == QLatin1String("title");
        // A title shares the room left with the body text (a fixed 300 px title left the body
        // no room at all in a 570 px dock).
        if (titleField || (!shortField && !stretched)) {
            header->setSectionResizeMode(c, QHeaderView::Stretch);
            stretched = stretched || !titleField;
            anyStretched = true;
            continue;
        }
        header->setSectionResizeMode(c, QHeaderView::Interactive);
        const QString widest = key == QLatin1String("date") ? QStringLiteral("0000-00-00")
                               : key == QLatin1String("score")
                                   ? QStringLiteral("0.000")
                                   : QStringLiteral("social commentary");
        fit(c, shortField ? fm.horizontalAdvance(widest) + 16 : 300);
    }
    if (!anyStretched)
        header->setStretchLastSection(true);
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
    const QModelIndex source = proxy_->mapToSource(current);
    const QString rank = model_->index(source.row(), ProfileModel::ColumnRank).data().toString();
    const QString score = model_->index(source.row(), ProfileModel::ColumnScore).data().toString();
    const QStringList terms = model_->index(source.row(), ProfileModel::FixedColumns)
                                  .data(ProfileModel::MatchedTermsRole)
                                  .toStringList();
    QString html = QStringLiteral("<p><b>%1</b> %2 · <b>%3</b> %4")
                       .arg(tr("Item"), QString::number(row + 1), tr("ID"),
                            QString::fromStdString(item.id).toHtmlEscaped());
    if (!rank.isEmpty())
        html += QStringLiteral(" · <b>%1</b> %2 · <b>%3</b> %4")
                    .arg(tr("Rank"), rank, tr("Score"), score);
    html += QStringLiteral("</p>");
    if (!terms.isEmpty()) {
        // Every term BM25 matched, the ones marked in the text first; stop words and bare
        // punctuation are listed apart (they count in the score, but say little).
        const QStringList salient = salientTerms(terms);
        QStringList common;
        for (const QString& t : terms)
            if (!salient.contains(t))
                common << t;
        html +=
            QStringLiteral("<p><b>%1</b> %2")
                .arg(tr("Matched query terms:"), salient.join(QStringLiteral(" ")).toHtmlEscaped());
        if (!common.isEmpty())
            html += QStringLiteral(" <span style='color:#808080'>%1</span>")
                        .arg(tr("(also %1)").arg(common.join(QStringLiteral(" ")).toHtmlEscaped()));
        html += QStringLiteral("</p>");
    }
    for (const auto& [key, value] : item.fields)
        html += QStringLiteral("<p style='margin:4px 0'><b>%1:</b> %2</p>")
                    .arg(ProfileModel::fieldTitle(QString::fromStdString(key)).toHtmlEscaped(),
                         highlightTerms(QString::fromStdString(value), terms));
    detail_->setHtml(html);
}

void ProfileDock::updateCount() {
    const int total = model_->record() ? static_cast<int>(model_->record()->profile.size()) : 0;
    const int shown = proxy_->rowCount();
    QString text = tr("%n item(s) in the profile", nullptr, total);
    if (model_->ranking())
        text += QStringLiteral(" · ") + tr("%n retrieved", nullptr, model_->retrievedCount());
    if (shown != model_->rowCount())
        text += QStringLiteral(" · ") + tr("%n shown", nullptr, shown);
    count_->setText(text);
}

} // namespace r2p::ui
