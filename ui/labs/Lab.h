// What a lab supplies to the window: a lab is a kind of experiment (the MLP playground, the
// optimiser landscape, the hyperparameter search…) with its own simulation, central view,
// controls, charts and presets. The window shows one lab at a time; the notes dock and the menus
// are shared. A lab is a widget (its whole page: view, controls and charts laid out by itself) and
// registers itself with one line in ui/labs/Registry.cpp.
//
// The MLP playground (ui/labs/playground/) is a lab too, the window's first: it is created by the
// window itself, with the session the window is given, and its docks live in the window (id
// "playground", no registry entry).
#pragma once

#include <QString>
#include <QWidget>

class QLabel;

#include <vector>

namespace dlui {

class Lab : public QWidget {
  Q_OBJECT
public:
  using QWidget::QWidget;

  // The catalogue's id ("landscape"), what --lab takes.
  virtual QString id() const = 0;
  // Loads one of the lab's presets (the catalogue says which lab owns a preset). On failure
  // returns false and sets *error to one line naming the file, the field and the value; the lab
  // keeps what it was showing.
  virtual bool loadPreset(const QString& name, QString* error) = 0;
  // Opens a file of this lab (its JSON has "lab": id()). Same error contract as loadPreset.
  virtual bool openFile(const QString& path, QString* error) = 0;
  // The lab is shown (true) or another lab is (false): a hidden lab stops its clock.
  virtual void setActive(bool on) = 0;
  // Projector mode: larger text and thicker lines; the page fills the window.
  virtual void setPresentationMode(bool on) = 0;
  // Start/stop and single-step: the window's Space and → keys while this lab is shown.
  virtual void togglePlay() = 0;
  virtual void stepOnce() = 0;
  // Brings what is loaded to the state its preset's claim is tested at (a race to its configured
  // steps, a search to its last trial), waiting at most timeoutMs; false when it did not get there.
  // Screenshots and tests use it.
  virtual bool finish(int timeoutMs) = 0;
  // Writes a PNG of each of its panels into `dir` (screenshots); returns the paths.
  virtual QStringList grabPanels(const QString& dir) = 0;

protected:
  // The preset's "what to watch" line, as the playground's watch panel shows it: a label to put
  // above the lab's view, and its text for `preset` (from the notes, in the interface language;
  // hidden when the preset has none or `preset` is empty).
  static QLabel* createWatchLine(QWidget* parent, const QString& objectName);
  static void showWatchLine(QLabel* line, const QString& preset);

signals:
  // A line for the window's status bar, for `timeoutMs`.
  void statusMessage(const QString& text, int timeoutMs = 10000);
  // "Open this in the playground" (a search trial): the window switches lab and loads it.
  void openInPlayground(const QByteArray& experimentJson);
};

// The registry: every lab but the playground, in the order of the Lab menu after it.
struct LabRegistration {
  const char* id;
  Lab* (*make)(QWidget* parent);
};
const std::vector<LabRegistration>& labRegistry();
// The registration of `id`; nullptr for the playground and for unknown ids.
const LabRegistration* findLab(const QString& id);

}  // namespace dlui
