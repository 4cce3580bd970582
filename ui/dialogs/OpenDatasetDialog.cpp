#include "OpenDatasetDialog.h"

#include "model/Dataset.h"
#include "ui/TaskText.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace r2p::ui {

namespace {
QWidget* withBrowse(QLineEdit* edit, QWidget* parent, const std::function<void()>& browse) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* button = new QPushButton(OpenDatasetDialog::tr("Browse…"), row);
    QObject::connect(button, &QPushButton::clicked, row, browse);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}
} // namespace

OpenDatasetDialog::OpenDatasetDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Open LaMP Dataset"));
    questions_ = new QLineEdit(this);
    questions_->setPlaceholderText(tr("e.g. …/LaMP_3/dev_questions.json"));
    outputs_ = new QLineEdit(this);
    outputs_->setPlaceholderText(tr("optional: the matching *_outputs.json"));
    task_ = new QComboBox(this);
    task_->addItem(tr("Detect from the files"), QString());
    for (const auto& spec : allTasks())
        task_->addItem(taskTitle(spec.id), taskName(spec.id));
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Questions file:"), withBrowse(questions_, this, [this] {
                     const QString f = QFileDialog::getOpenFileName(
                         this, tr("LaMP questions file"), QFileInfo(questions_->text()).path(),
                         tr("JSON files (*.json);;All files (*)"));
                     if (!f.isEmpty())
                         setQuestionsPath(f);
                 }));
    form->addRow(tr("&Outputs file:"), withBrowse(outputs_, this, [this] {
                     const QString start = outputs_->text().isEmpty()
                                               ? QFileInfo(questions_->text()).path()
                                               : QFileInfo(outputs_->text()).path();
                     const QString f =
                         QFileDialog::getOpenFileName(this, tr("LaMP outputs file"), start,
                                                      tr("JSON files (*.json);;All files (*)"));
                     if (!f.isEmpty()) {
                         outputsTouched_ = true;
                         outputs_->setText(f);
                     }
                 }));
    form->addRow(tr("&Task:"), task_);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons_);
    resize(640, sizeHint().height());

    connect(questions_, &QLineEdit::textEdited, this,
            [this](const QString& t) { setQuestionsPath(t); });
    connect(outputs_, &QLineEdit::textEdited, this, [this] {
        outputsTouched_ = true;
        validate();
    });
    validate();
}

void OpenDatasetDialog::setQuestionsPath(const QString& path) {
    if (questions_->text() != path)
        questions_->setText(path);
    if (!outputsTouched_)
        outputs_->setText(QString::fromStdString(guessOutputsPath(path.toStdString())));
    validate();
}

QString OpenDatasetDialog::questionsPath() const {
    return questions_->text().trimmed();
}
QString OpenDatasetDialog::outputsPath() const {
    return outputs_->text().trimmed();
}

std::optional<TaskId> OpenDatasetDialog::task() const {
    const QString name = task_->currentData().toString();
    if (name.isEmpty())
        return std::nullopt;
    return parseTaskName(name.toStdString());
}

void OpenDatasetDialog::validate() {
    const QFileInfo q(questionsPath());
    QString problem;
    if (questionsPath().isEmpty())
        problem = tr("Choose a LaMP questions file.");
    else if (!q.isFile())
        problem = tr("There is no file at %1.").arg(questionsPath());
    else if (sniffJsonFile(q.absoluteFilePath().toStdString()) == JsonFileKind::Outputs)
        problem = tr("This looks like an outputs file (a JSON object); the questions file is a "
                     "JSON array.");
    else if (!outputsPath().isEmpty() && !QFileInfo(outputsPath()).isFile())
        problem = tr("There is no outputs file at %1.").arg(outputsPath());
    status_->setText(problem);
    buttons_->button(QDialogButtonBox::Open)->setEnabled(problem.isEmpty());
}

} // namespace r2p::ui
