// Settings: the backend for interactive runs (endpoint presets for vLLM, SGLang, llama.cpp,
// Ollama and hosted APIs; "Test connection" lists the server's models), retrieval, candidates
// and RPI limits, and the HRT template editor, which validates as you type and shows which runs
// used which template version.
#pragma once

#include "model/Task.h"
#include "ui/util/LatestTask.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTimer;

namespace r2p::ui {

class Session;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(Session* session, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    QComboBox* presetChooser() const { return preset_; }
    QLineEdit* baseUrlEdit() const { return baseUrl_; }
    QComboBox* backendChooser() const { return backend_; }
    QPushButton* testButton() const { return test_; }
    QLabel* testResult() const { return testResult_; }
    QPlainTextEdit* templateEditor() const { return editor_; }
    QLabel* templateStatus() const { return templateStatus_; }
    QListWidget* templateRuns() const { return runs_; }
    QComboBox* templateTask() const { return templateTask_; }
    bool templateValid() const { return templateValid_; }

    // Validates the editor's text now (it also happens 300 ms after typing stops).
    void validateTemplate();
    // Saves everything; false (with the reason shown) when the edited template is invalid.
    bool apply();

private:
    void loadTemplate();
    void testConnection();

    Session* session_;
    QTabWidget* tabs_;
    QComboBox* backend_;
    QComboBox* preset_;
    QLineEdit* baseUrl_;
    QLineEdit* model_;
    QLineEdit* apiKeyEnv_;
    QPushButton* test_;
    QLabel* testResult_;
    QComboBox* ranker_;
    QSpinBox* k_;
    QSpinBox* candidates_;
    QComboBox* variation_;
    QComboBox* chains_;
    QComboBox* final_;
    QSpinBox* interventions_;
    QDoubleSpinBox* pace_;
    QComboBox* templateTask_;
    QPlainTextEdit* editor_;
    QLabel* templateStatus_;
    QListWidget* runs_;
    QTimer* validate_;
    bool templateValid_ = true;
    bool templateEdited_ = false;
    LatestTask testing_; // Test Connection, off the GUI thread (last, so it goes first)
};

} // namespace r2p::ui
