// A lab that trains on the labs' shared training thread (session/LabRunner.h): the CNN lab and the
// sequence lab. It owns the runner and gives what every such lab has the same way: play, pause and
// single steps (Space and →), pausing when another lab is shown, the run box (Play/Pause, Step,
// Reset and a status line), a score board grid, bringing the runs to a preset's step for tests and
// screenshots, and saving panels as PNGs. The lab supplies its simulation and its snapshots' use.
#pragma once

#include "labs/Lab.h"
#include "session/LabRunner.h"

#include <functional>
#include <memory>
#include <utility>
#include <vector>

class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;

namespace dlui {

class TrainingLab : public Lab {
  Q_OBJECT
public:
  ~TrainingLab() override;

  void setActive(bool on) override;
  void togglePlay() override;
  void stepOnce() override;
  bool running() const;

protected:
  explicit TrainingLab(QWidget* parent = nullptr);

  LabRunner& runner() { return *m_runner; }
  // What the runner delivers, for the lab's own snapshot type (generations older than
  // setSimulation()'s last are dropped here).
  void setSimulation(std::unique_ptr<Simulation> simulation, long long stopAt);
  virtual void onLabSnapshot(const std::shared_ptr<const LabSnapshot>& snapshot) = 0;
  // The Reset button.
  virtual void resetRequested() = 0;

  // ---- the run box ----
  // A group box with Play/Pause, Step and Reset and a wrapping status line below them; object
  // names prefix + "Play", "Step", "Reset", "Status".
  QGroupBox* createRunBox(QWidget* parent, const QString& prefix);
  void retranslateRunBox();
  void updatePlayButton();
  QLabel* statusLine() const { return m_status; }

  // ---- the score board ----
  // rows × columns labels in a grid (row 0: headings, column 0 left-aligned: the runs' names, the
  // rest right-aligned); object names cellPrefix + "r_c". Headings (row 0) and names wrap.
  struct ScoreBoard {
    QWidget* widget = nullptr;
    QGridLayout* grid = nullptr;
    std::vector<std::vector<QLabel*>> cells;  // [row][column]
  };
  static ScoreBoard createScoreBoard(QWidget* parent, const QString& objectName, const QString& cellPrefix,
                                     int rows, int columns, int spacing);
  // A label's text, set only when it changed: a text set again still costs a layout pass of the
  // window, many times a second while a lab trains flat out.
  static void setTextIfChanged(QLabel* label, const QString& text);
  static QString thousands(long long n);  // 12,345 in every language (the notes write numbers so)
  static const QString& warningStyle();    // a red banner: what went wrong
  static const QString& noticeStyle();     // a blue banner: what the lab did instead

  // Brings the runs to `steps` (runner().runTo), then takes the snapshots on the way until
  // `arrived` says the window shows that state (or timeoutMs + 2 s passed). False when the runs
  // did not get there in time.
  bool finishAt(long long steps, int timeoutMs, const std::function<bool()>& arrived);
  // Saves each visible widget as DIR/name; returns the paths written.
  static QStringList savePanels(const QString& dir, const std::vector<std::pair<QWidget*, QString>>& panels);

  quint64 generation() const { return m_generation; }
  bool isActive() const { return m_active; }

private:
  std::unique_ptr<LabRunner> m_runner;
  quint64 m_generation = 0;
  bool m_active = false;
  QGroupBox* m_runBox = nullptr;
  QPushButton* m_play = nullptr;
  QPushButton* m_step = nullptr;
  QPushButton* m_reset = nullptr;
  QLabel* m_status = nullptr;
};

}  // namespace dlui
