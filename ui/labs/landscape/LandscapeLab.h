// The optimiser-landscape lab: the engine's seven optimisers race on a loss surface of two
// parameters (dl::surface::Race). The map shows the surface, its critical points and every
// racer's trail; beside it, loss against step on a log axis and a table of the racers with the
// curvature where each stands. Click the map to set the start; the cursor's readout gives the
// Hessian's eigenvalues and condition number there.
#pragma once

#include <functional>

#include "labs/Lab.h"
#include "surface/Race.h"

#include <QElapsedTimer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;

namespace dlui {

class LineChart;
class LogSlider;
class ScheduleCurves;
class SurfaceMap;

class LandscapeLab : public Lab {
  Q_OBJECT
public:
  explicit LandscapeLab(QWidget* parent = nullptr);
  ~LandscapeLab() override;

  QString id() const override { return QStringLiteral("landscape"); }
  bool loadPreset(const QString& name, QString* error) override;
  bool openFile(const QString& path, QString* error) override;
  void setActive(bool on) override;
  void setPresentationMode(bool on) override;
  void togglePlay() override;
  void stepOnce() override;
  QStringList grabPanels(const QString& dir) override;
  bool finish(int timeoutMs) override;

  // The race as configured now (tests, saving).
  const dl::surface::Race& race() const { return *m_race; }
  // Replaces the race (a preset, a file, a new surface). False, with *error set, when the
  // configuration is refused; the current race goes on.
  bool setConfig(const dl::surface::RaceConfig& config, QString* error);
  // Steps every racer n times and updates the views (what the clock does, for tests).
  void advance(long long n);
  bool isRunning() const;
  // Starts or pauses the clock (Play); it pauses by itself after the race's configured steps.
  void setRunning(bool on);
  SurfaceMap* map() const { return m_map; }
  LineChart* lossChart() const { return m_chart; }
  QTableWidget* racerTable() const { return m_table; }
  QLabel* readout() const { return m_readout; }
  // The loaded preset's "what to watch" line above the map (hidden when no preset is loaded).
  QLabel* watchLine() const { return m_watch; }
  // The momentum stability bound drawn on the learning-rate slider (NaN when not a quadratic).
  double stabilityBound() const { return m_bound; }

protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

private:
  void buildUi();
  void retranslateUi();
  // Model → controls, without signals.
  void showConfig();
  // Controls → model: live changes (rates, β, noise, schedule) keep the racers where they are.
  // Applies one control's change to the running race (validated; an error restores the controls).
  void applyChange(const std::function<void(dl::surface::RaceConfig&)>& edit);
  void editRacer(std::size_t row);
  void onSurfaceChosen();
  void onExpressionEntered();
  void restartAt(double x, double y);
  void onTick();
  // After the race was replaced or restarted: the chart's lines, the map, the table.
  void resetViews(bool surfaceChanged);
  void appendPoints();
  void updateTable();
  void fitColumns();  // the map's and the table's shares of the width
  void fitRows();     // on a projector: the name column's width and every row's height, as laid out
  void updateReadout(double x, double y);
  void updateBound();
  QString racerName(std::size_t i) const;
  QColor racerColor(std::size_t i) const;
  double chartValue(double value) const;
  // Whether a racer at (x, y) is drawn in the loss chart.
  bool charted(double x, double y) const;  // f − f* where the minimum is known, else f

  std::unique_ptr<dl::surface::Race> m_race;
  QTimer* m_clock = nullptr;
  QElapsedTimer m_sinceTick;
  double m_stepsOwed = 0;
  long long m_runUntil = 0;  // the clock pauses here (the race's configured length, then again as long)
  bool m_active = false;
  bool m_fittingRows = false;
  bool m_presentation = false;
  int m_normalMinimumSection = 0;  // the racer table's, off the projector
  double m_bound = 0;
  double m_hoverX = 0, m_hoverY = 0;
  bool m_hovering = false;

  SurfaceMap* m_map = nullptr;
  QLabel* m_readout = nullptr;
  QLabel* m_watch = nullptr;
  QString m_preset;  // the preset loaded, until the surface changes
  LineChart* m_chart = nullptr;
  QTableWidget* m_table = nullptr;
  QGroupBox* m_surfaceBox = nullptr;
  QComboBox* m_surface = nullptr;
  QLabel* m_conditionLabel = nullptr;
  LogSlider* m_condition = nullptr;
  QLabel* m_expressionLabel = nullptr;
  QLineEdit* m_expression = nullptr;
  QLabel* m_expressionError = nullptr;
  QLabel* m_startHint = nullptr;
  QGroupBox* m_racersBox = nullptr;
  std::vector<QCheckBox*> m_enabled;
  std::vector<QDoubleSpinBox*> m_rates;
  QCheckBox* m_sameRate = nullptr;
  LogSlider* m_rate = nullptr;
  QWidget* m_boundMark = nullptr;
  QLabel* m_boundLabel = nullptr;
  QGroupBox* m_dynamicsBox = nullptr;
  QLabel* m_betaLabel = nullptr;
  QDoubleSpinBox* m_beta = nullptr;
  QLabel* m_noiseLabel = nullptr;
  QSlider* m_noise = nullptr;
  QLabel* m_noiseValue = nullptr;
  QLabel* m_scheduleLabel = nullptr;
  QComboBox* m_schedule = nullptr;
  ScheduleCurves* m_curves = nullptr;
  QPushButton* m_play = nullptr;
  QPushButton* m_step = nullptr;
  QPushButton* m_restart = nullptr;
  QLabel* m_speedLabel = nullptr;
  LogSlider* m_speed = nullptr;
  QLabel* m_stepCount = nullptr;
};

}  // namespace dlui
