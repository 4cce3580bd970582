// A tagged reasoning chain (TagPR) as a reader wants it: the text coloured by tag span, the tag
// markup dimmed, a legend of the tag set, and a gutter of every constraint it breaks; clicking a
// violation selects its span in the text. Shows a stored chain, an auto-tagged one (labelled as
// the offline tagger's) or one still streaming (open spans provisional).
#pragma once

#include "pipeline/tags/StepChain.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QTextBrowser;

namespace r2p {
class ProjectStore;
}

namespace r2p::ui {

// A tagged step's chain as HTML for the Compare views: each segment's text on its tag's colour
// (the tag named in its tooltip), the markup dimmed, clipped after `maxChars` characters. Empty
// when the step carries no tags (not tagpr's and no stored spans). The spans are read with the
// tag set version they were stored under (the project's set for a chain with none stored).
QString taggedStepHtml(ProjectStore* store, const UserTrace& trace, const StepRecord& step,
                       int maxChars);

class TagChainView : public QWidget {
    Q_OBJECT
public:
    explicit TagChainView(QWidget* parent = nullptr);

    // Shows `chain` under `set`; `origin` says where the spans come from ("the model's tags").
    void setChain(const tags::TagSet& set, const tags::CheckedChain& chain, const QString& origin);
    // Nothing to show, and why.
    void clear(const QString& why);

    QTextBrowser* textView() const { return text_; }
    QListWidget* violationList() const { return violations_; }
    QLabel* legend() const { return legend_; }
    QLabel* summary() const { return summary_; }
    // Selects violation `row` of the list and its span in the text (what a click does).
    void selectViolation(int row);
    // The text selected, as UTF-8 (for tests: the span a violation selects).
    std::string selectedText() const;
    // Selects bytes [start, end) of the chain text (what a person does with the mouse).
    void selectBytes(std::size_t start, std::size_t end);
    // Whether corrections are taken (a stored chain is shown); the keys say so in the summary.
    void setEditable(bool on);

signals:
    // With text selected in an editable chain: 1-9 tags the selection with the set's n-th tag
    // (tag index from 0), 0 removes a person's spans over it (tag -1). Bytes of the chain.
    void tagRequested(int tag, std::size_t start, std::size_t end);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onViolationClicked(QListWidgetItem* item);
    // The document position of byte `offset` of the chain text, and back.
    int positionOf(std::size_t offset) const;
    std::size_t byteOf(int position) const;

    QLabel* legend_;
    QLabel* summary_;
    QTextBrowser* text_;
    QListWidget* violations_;
    std::string chainText_;
    bool editable_ = false;
};

} // namespace r2p::ui
