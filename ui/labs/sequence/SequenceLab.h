// The sequence lab: recurrent networks trained live on sequence tasks, RNN, LSTM and GRU side by
// side on the same data, with the gradient travelling back through time made visible (per step,
// on a log axis; as a heat map over training; the recurrent matrices' eigenvalues against the unit
// circle), the gates and states inside a cell for a chosen sequence, the loss and accuracy, the
// network's answers on example sequences and sampled text; an encoder-decoder with the attention
// alignment of a sequence the user types; and skip-gram word vectors moving on a map while they
// train, with neighbours and analogies. Tabs: gradient through time, inside the cell, training,
// encoder-decoder, word vectors (a file shows the tabs its task has).
#pragma once

#include "labs/TrainingLab.h"
#include "labs/sequence/SeqSimulation.h"

#include "seq/SeqConfig.h"

#include <deque>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSlider;
class QSpinBox;
class QTabWidget;

namespace dlui {

class EigenPlane;
class HeatMap;
class LineChart;
class LogSlider;
class WordMap;

class SequenceLab : public TrainingLab {
  Q_OBJECT
public:
  explicit SequenceLab(QWidget* parent = nullptr);
  ~SequenceLab() override;

  QString id() const override { return QStringLiteral("sequence"); }
  bool loadPreset(const QString& name, QString* error) override;
  bool openFile(const QString& path, QString* error) override;
  void setPresentationMode(bool on) override;
  bool finish(int timeoutMs) override;
  QStringList grabPanels(const QString& dir) override;

  // Sets what is trained (a file, a preset, the controls) and restarts, paused. False with *error
  // (one line naming the field or file and the value) when refused; what ran before goes on.
  bool setConfig(const dl::SeqConfig& config, QString* error);
  const dl::SeqConfig& config() const { return m_config; }

  // What the tabs are, in order (tabs() holds them; a task hides those it has no use for).
  enum Tab { TimeTab, InsideTab, TrainingTab, Seq2SeqTab, WordsTab };
  QTabWidget* tabs() const { return m_tabs; }
  QWidget* tabPage(Tab t) const;
  QLabel* watchLine() const { return m_watch; }
  QLabel* banner() const { return m_banner; }

  // ---- the latest numbers, per stack run (RNN, LSTM, GRU…) ----
  struct RunView {
    QString name;  // "RNN", "LSTM", "GRU", or the stack's own cell
    long long step = 0;
    double trainLoss = dl::kNaN, valLoss = dl::kNaN, valAccuracy = dl::kNaN;
    std::vector<double> timeGradients;  // of the latest step
    std::vector<std::complex<double>> eigenvalues;
    double spectralRadius = dl::kNaN;
    long long clippedSteps = 0;
    std::optional<dl::Divergence> divergence;
    std::shared_ptr<const SeqRunReport> report;  // the latest heavy report
  };
  const std::vector<RunView>& runViews() const { return m_views; }
  // The score board: run r's text in column c (0 name, 1 step, 2 train loss, 3 test, 4 ‖∂h_T/∂h₁‖,
  // 5 spectral radius, 6 forget-gate product); row 0 (r = −1) the headings.
  QString scoreText(int run, int column) const;
  // The time chart's measure: the loss gradient of the latest training step, or ‖∂h_T/∂h_s‖
  // along a test sequence (what an untrained network is judged by).
  enum class Measure { LossGradient, StateJacobian };
  void setMeasure(Measure m);
  Measure measure() const;
  LineChart* timeChart() const { return m_timeChart; }
  HeatMap* timeHeatMap() const { return m_heat; }
  EigenPlane* eigenPlane() const { return m_eigen; }
  // The heat map's rows so far (one per recorded step) and their steps.
  int heatRows() const { return static_cast<int>(m_heatRows.size()); }
  // Inside the cell: the run and test sequence shown; the heat maps (input, gates, cell, hidden).
  void setInsideRun(int run);
  void setInsideSample(int sample);
  const std::vector<HeatMap*>& insideMaps() const { return m_insideMaps; }
  QLabel* forgetLabel() const { return m_forget; }
  LineChart* lossChart() const { return m_loss; }
  LineChart* accuracyChart() const { return m_accuracy; }
  QPlainTextEdit* examples() const { return m_examples; }
  QPlainTextEdit* sampledText() const { return m_sampled; }
  void setTemperature(double t);

  // ---- the encoder-decoder ----
  // A typed source sequence ("3 1 4 1 5…" or "31415…"); false with *error (one line naming the
  // token) for a token that is not a digit of the task or a length that is not the task's.
  bool setSource(const QString& text, QString* error);
  const std::optional<Seq2SeqState>& seq2seqState() const { return m_s2s; }
  HeatMap* alignment() const { return m_alignment; }
  QLabel* decoded() const { return m_decoded; }
  LineChart* seq2seqLoss() const { return m_s2sLoss; }

  // ---- word vectors ----
  void setQuery(const QString& word);
  void setAnalogy(const QString& a, const QString& b, const QString& c);
  const std::optional<WordsState>& wordsState() const { return m_words; }
  WordMap* wordMap() const { return m_wordMap; }
  QLabel* neighbours() const { return m_neighbours; }
  QLabel* analogyResult() const { return m_analogyResult; }

protected:
  void changeEvent(QEvent* event) override;
  void onLabSnapshot(const std::shared_ptr<const LabSnapshot>& snapshot) override;
  void resetRequested() override;

private:
  void buildUi();
  QWidget* buildControls();
  QWidget* buildTimeTab();
  QWidget* buildInsideTab();
  QWidget* buildTrainingTab();
  QWidget* buildSeq2SeqTab();
  QWidget* buildWordsTab();
  void retranslateUi();
  void showConfig();     // controls ← m_config
  void applyControls();  // m_config ← controls, restart
  void applyLive();      // learning rate and clipping, between steps
  bool restart(QString* error);
  void showTabsForTask();
  void onSnapshot(const std::shared_ptr<const SeqSnapshot>& snap);
  void refreshTimeChart();
  void showMeasureAxis();  // the time chart's y title for the measure shown
  void refreshHeatMap();
  void refreshEigen();
  void refreshInside();
  void refreshExamples();
  void refreshSeq2Seq();
  void refreshWords();
  void refreshScores();        // fonts and headings
  void refreshScoreNumbers();  // texts only
  void setBanner(const QString& text);
  QColor runColour(int run) const;
  QString tokenText(int classId) const;  // a class's name for the examples and the sampled text

  dl::SeqConfig m_config;
  QString m_preset;
  std::shared_ptr<const dl::SeqData> m_data;  // the stack task's data (null for seq2seq and words)
  std::vector<RunView> m_views;
  std::optional<Seq2SeqState> m_s2s;
  std::optional<dl::Seq2SeqTrainer::Evaluation> m_s2sEval;
  std::optional<WordsState> m_words;
  // The heat map over training: one row of ‖∂L/∂h_t‖ per recorded step of the heat map's run;
  // when full, every other row goes and the recording interval doubles.
  std::deque<std::vector<double>> m_heatRows;
  std::vector<long long> m_heatSteps;
  long long m_heatEvery = 1;
  int m_heatRun = 0;
  int m_insideRun = 0;
  int m_sample = 0;
  double m_temperature = 0.7;
  Measure m_measure = Measure::LossGradient;
  bool m_presentation = false;
  // The stack has a recurrent layer: the score board's gradient, ρ(U) and ∏ fₜ columns mean something.
  bool m_recurrentStack = true;

  // ---- widgets ----
  QLabel* m_watch = nullptr;
  QLabel* m_banner = nullptr;
  QTabWidget* m_tabs = nullptr;
  std::vector<QWidget*> m_pages;
  QWidget* m_controls = nullptr;
  QGroupBox* m_taskBox = nullptr;
  QLabel* m_kindLabel = nullptr;
  QComboBox* m_kind = nullptr;
  QLabel* m_lengthLabel = nullptr;
  QSpinBox* m_length = nullptr;
  QPushButton* m_openText = nullptr;
  QLabel* m_fileLabel = nullptr;
  QGroupBox* m_cellBox = nullptr;
  std::vector<QCheckBox*> m_cells;  // rnn, lstm, gru
  QLabel* m_unitsLabel = nullptr;
  QSpinBox* m_units = nullptr;
  QLabel* m_recInitLabel = nullptr;
  QComboBox* m_recInit = nullptr;
  QLabel* m_gainLabel = nullptr;
  QSlider* m_gain = nullptr;
  QLabel* m_gainValue = nullptr;
  QLabel* m_forgetBiasLabel = nullptr;
  QSlider* m_forgetBias = nullptr;
  QLabel* m_forgetBiasValue = nullptr;
  QLabel* m_truncLabel = nullptr;
  QSpinBox* m_truncation = nullptr;
  QLabel* m_attentionLabel = nullptr;
  QComboBox* m_attention = nullptr;
  QLabel* m_windowLabel = nullptr;
  QSpinBox* m_window = nullptr;
  QGroupBox* m_trainBox = nullptr;
  QLabel* m_lrLabel = nullptr;
  LogSlider* m_lr = nullptr;
  QLabel* m_clipLabel = nullptr;
  QComboBox* m_clipMode = nullptr;
  QLabel* m_clipThresholdLabel = nullptr;
  QDoubleSpinBox* m_clipThreshold = nullptr;
  QLabel* m_batchLabel = nullptr;
  QSpinBox* m_batch = nullptr;
  QLabel* m_stepsLabel = nullptr;
  QSpinBox* m_steps = nullptr;

  ScoreBoard m_board;  // [row 0 headings, then runs][column]

  QGridLayout* m_timeGrid = nullptr;
  QLabel* m_measureLabel = nullptr;
  QComboBox* m_measureBox = nullptr;
  LineChart* m_timeChart = nullptr;
  EigenPlane* m_eigen = nullptr;
  QLabel* m_heatLabel = nullptr;
  QComboBox* m_heatRunBox = nullptr;
  HeatMap* m_heat = nullptr;
  QLabel* m_timeKey = nullptr;

  QLabel* m_insideRunLabel = nullptr;
  QComboBox* m_insideRunBox = nullptr;
  QLabel* m_sampleLabel = nullptr;
  QSpinBox* m_sampleSpin = nullptr;
  QLabel* m_forget = nullptr;
  std::vector<HeatMap*> m_insideMaps;  // input, up to 4 gates, cell, hidden

  LineChart* m_loss = nullptr;
  LineChart* m_accuracy = nullptr;
  QLabel* m_examplesTitle = nullptr;
  QPlainTextEdit* m_examples = nullptr;
  QWidget* m_sampleBox = nullptr;
  QLabel* m_sampledTitle = nullptr;
  QPlainTextEdit* m_sampled = nullptr;
  QLabel* m_temperatureLabel = nullptr;
  QSlider* m_temperatureSlider = nullptr;
  QPushButton* m_resample = nullptr;

  QLabel* m_sourceLabel = nullptr;
  QLineEdit* m_source = nullptr;
  QLabel* m_sourceError = nullptr;
  QLabel* m_decoded = nullptr;
  QLabel* m_s2sScore = nullptr;
  HeatMap* m_alignment = nullptr;
  LineChart* m_s2sLoss = nullptr;

  WordMap* m_wordMap = nullptr;
  QLabel* m_queryLabel = nullptr;
  QLineEdit* m_query = nullptr;
  QLabel* m_neighbours = nullptr;
  QLabel* m_analogyLabel = nullptr;
  std::vector<QLineEdit*> m_analogyWords;  // a, b, c
  QLabel* m_analogyResult = nullptr;
  QLabel* m_wordsProgress = nullptr;
};

}  // namespace dlui
