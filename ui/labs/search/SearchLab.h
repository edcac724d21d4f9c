// The hyperparameter-search lab. "Caviar": many real training runs of a playground experiment at
// once, spread over the cores, each a point in the scatter (the searched settings on their own
// scales, colour = final validation loss), with best-so-far against trial number and a sortable
// table of trials (open any one in the playground, export them as CSV). "Panda": one run
// babysat, its learning rate changed while it trains. Grid, uniform, log-uniform and
// coarse-to-fine strategies; 1–3 settings among learning rate, L2, batch size, width, depth and
// momentum (as 1 − β).
#pragma once

#include "labs/Lab.h"
#include "search/Search.h"

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace dl {
class Trainer;
}

namespace dlui {

class LineChart;
class LogSlider;
class TrialScatter;

class SearchLab : public Lab {
  Q_OBJECT
public:
  explicit SearchLab(QWidget* parent = nullptr);
  ~SearchLab() override;

  QString id() const override { return QStringLiteral("search"); }
  bool loadPreset(const QString& name, QString* error) override;
  bool openFile(const QString& path, QString* error) override;
  void setActive(bool on) override;
  void setPresentationMode(bool on) override;
  void togglePlay() override;
  void stepOnce() override;
  QStringList grabPanels(const QString& dir) override;
  bool finish(int timeoutMs) override;

  // The search as set up now (the controls' values over the loaded base experiment).
  dl::search::SearchConfig config() const;
  // Sets the controls from a search (a preset, a file). False with *error when it is refused.
  bool setConfig(const dl::search::SearchConfig& config, QString* error);
  // Starts the search on background threads (false with *error when the controls are invalid).
  bool startSearch(QString* error = nullptr);
  void cancelSearch();
  bool searching() const;
  // Takes the search's newest results into the views now (the poll timer does it 10 times a second).
  void poll();
  const dl::search::Search* search() const { return m_search.get(); }
  // The strategy it is compared with (a preset's "compare"), run beside it; null without one.
  const dl::search::Search* comparison() const { return m_compare.get(); }
  TrialScatter* scatter() const { return m_scatter; }
  QTableWidget* trialTable() const { return m_table; }
  LineChart* bestChart() const { return m_best; }
  // Writes the trials as CSV; false with *error on failure (nothing half written).
  bool exportTrials(const QString& path, QString* error);
  // Panda mode: the one babysat run.
  void setPandaRate(double lr);
  void pandaSteps(long long n);
  const dl::Trainer* pandaTrainer() const { return m_panda.get(); }
  QTabWidget* modes() const { return m_modes; }
  // The loaded preset's "what to watch" line above the views (hidden when none is loaded).
  QLabel* watchLine() const { return m_watch; }

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

private:
  void buildUi();
  void retranslateUi();
  void showConfig(const dl::search::SearchConfig& c);
  void updateBaseLine();  // the base experiment's line and the budget
  void updateBudget();
  void updateParamRows();
  void fillTable(const std::vector<dl::search::Trial>& trials, const std::vector<dl::search::Trial>& other);
  QString strategyText(dl::search::Strategy s) const;
  void openSelectedTrial();
  void exportDialog();
  void resetPanda();
  void pandaTick();
  QString paramLabel(const std::string& name) const;
  // A searched setting as the trial table's column header: its short name on a projector (the
  // scatter's axis and the settings column name it in full), so the columns fit beside the scatter.
  QString paramHeader(const std::string& name) const;
  // The table's headers and which columns show: for the searched settings, a comparison, coarse to
  // fine, and presentation mode.
  void updateTableColumns();
  void fitColumns();  // the scatter's and the best-so-far/table column's shares of the width

  dl::search::SearchConfig m_config;  // the base and the last loaded search settings
  std::unique_ptr<dl::search::Search> m_search;
  std::unique_ptr<dl::search::Search> m_compare;
  std::uint64_t m_seenRevision = ~std::uint64_t{0};
  std::uint64_t m_seenCompareRevision = ~std::uint64_t{0};
  std::vector<double> m_bestDrawn[2];  // the best-so-far values the chart shows (main, comparison)
  QTimer* m_poll = nullptr;
  bool m_active = false;
  bool m_presentation = false;

  // ---- controls ----
  QGroupBox* m_spaceBox = nullptr;
  struct ParamRow {
    QCheckBox* use = nullptr;
    QDoubleSpinBox* low = nullptr;
    QDoubleSpinBox* high = nullptr;
    QCheckBox* log = nullptr;
  };
  std::vector<ParamRow> m_rows;  // one per dl::search::paramNames()
  QGroupBox* m_runBox = nullptr;
  QLabel* m_strategyLabel = nullptr;
  QComboBox* m_strategy = nullptr;
  QLabel* m_compareLabel = nullptr;
  QComboBox* m_compareWith = nullptr;
  QLabel* m_trialsLabel = nullptr;
  QSpinBox* m_trials = nullptr;
  QLabel* m_stepsLabel = nullptr;
  QSpinBox* m_steps = nullptr;
  QLabel* m_threadsLabel = nullptr;
  QSpinBox* m_threads = nullptr;
  QLabel* m_seedLabel = nullptr;
  QSpinBox* m_seed = nullptr;
  QLabel* m_budget = nullptr;
  QLabel* m_base = nullptr;
  QPushButton* m_start = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_summary = nullptr;

  // ---- caviar ----
  QTabWidget* m_modes = nullptr;
  QLabel* m_watch = nullptr;
  QString m_preset;
  TrialScatter* m_scatter = nullptr;
  LineChart* m_best = nullptr;
  QTableWidget* m_table = nullptr;
  QSplitter* m_caviarSplit = nullptr;  // best so far above the table
  QPushButton* m_open = nullptr;
  QPushButton* m_export = nullptr;

  // ---- panda ----
  std::unique_ptr<dl::Trainer> m_panda;
  QTimer* m_pandaClock = nullptr;
  LineChart* m_pandaChart = nullptr;
  LogSlider* m_pandaRate = nullptr;
  QLabel* m_pandaRateLabel = nullptr;
  QPushButton* m_pandaPlay = nullptr;
  QPushButton* m_pandaReset = nullptr;
  QLabel* m_pandaLog = nullptr;
  QStringList m_pandaChanges;
};

}  // namespace dlui
