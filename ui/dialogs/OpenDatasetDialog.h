// Open a LaMP dataset: the questions file, its outputs file (guessed when it sits beside it)
// and the task (detected unless chosen).
#pragma once

#include "model/Task.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace r2p::ui {

class OpenDatasetDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenDatasetDialog(QWidget* parent = nullptr);
    void setQuestionsPath(const QString& path);
    QString questionsPath() const;
    QString outputsPath() const;
    std::optional<TaskId> task() const; // nullopt = detect
    QLineEdit* questionsEdit() const { return questions_; }
    QLineEdit* outputsEdit() const { return outputs_; }
    QComboBox* taskCombo() const { return task_; }

private:
    void validate();

    QLineEdit* questions_;
    QLineEdit* outputs_;
    QComboBox* task_;
    QLabel* status_;
    QDialogButtonBox* buttons_;
    bool outputsTouched_ = false;
};

} // namespace r2p::ui
