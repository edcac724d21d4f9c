// A row (or rows) of small toggle buttons, one per class of a data set, labelled with the class's
// number and its name in the tooltip: which classes a task or a pretraining learns. No button down
// means "every class" (the configuration's empty list), and the picker says so beside the buttons.
#pragma once

#include <QWidget>

#include <vector>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QToolButton;

namespace dlui {

class ClassPicker : public QWidget {
  Q_OBJECT
public:
  explicit ClassPicker(QWidget* parent = nullptr);

  // One button per class; the chosen ones are kept where they still exist.
  void setClassNames(const QStringList& names);
  int classCount() const { return static_cast<int>(m_buttons.size()); }
  // The classes whose buttons are down, in ascending order (empty: every class).
  std::vector<int> chosen() const;
  // Puts exactly these buttons down (numbers outside the classes are ignored) without emitting.
  void setChosen(const std::vector<int>& classes);
  // The text shown when no button is down ("every class").
  void setNoneText(const QString& text);
  QToolButton* button(int cls) const;

signals:
  // A button was toggled by the user.
  void edited();

private:
  void relayout();
  void updateNoneLabel();
  QGridLayout* m_grid = nullptr;
  QLabel* m_none = nullptr;
  QStringList m_names;
  std::vector<QToolButton*> m_buttons;
};

}  // namespace dlui
