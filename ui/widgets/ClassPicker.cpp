#include "widgets/ClassPicker.h"

#include <QGridLayout>
#include <QLabel>
#include <QToolButton>

#include <algorithm>

namespace dlui {

namespace {
constexpr int kPerRow = 5;  // 0–4 over 5–9: the split the transfer notes talk about, one row each
}

ClassPicker::ClassPicker(QWidget* parent) : QWidget(parent) {
  m_grid = new QGridLayout(this);
  m_grid->setContentsMargins(0, 0, 0, 0);
  m_grid->setHorizontalSpacing(2);
  m_grid->setVerticalSpacing(2);
  // A chosen class must read as chosen from the back of a classroom, not as a slightly darker grey.
  setStyleSheet(QStringLiteral(
      "QToolButton { border: 1px solid palette(mid); border-radius: 3px; padding: 2px 6px; background: palette(button); }"
      "QToolButton:checked { background: #1f77b4; border-color: #1f77b4; color: white; font-weight: bold; }"
      "QToolButton:disabled { color: palette(mid); }"
      "QToolButton:checked:disabled { background: #a9c4dc; border-color: #a9c4dc; color: white; }"));
  m_none = new QLabel(this);
  m_none->setObjectName(QStringLiteral("classPickerNone"));
  m_none->setWordWrap(true);
}

void ClassPicker::setClassNames(const QStringList& names) {
  if (names == m_names) return;
  const std::vector<int> keep = chosen();
  m_names = names;
  for (QToolButton* b : m_buttons) delete b;
  m_buttons.clear();
  for (int c = 0; c < m_names.size(); ++c) {
    auto* b = new QToolButton(this);
    b->setObjectName(QStringLiteral("%1Class%2").arg(objectName()).arg(c));
    b->setCheckable(true);
    b->setText(QString::number(c));
    b->setToolTip(m_names[c] == QString::number(c) ? QString() : m_names[c]);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    connect(b, &QToolButton::toggled, this, [this] {
      updateNoneLabel();
      emit edited();
    });
    m_buttons.push_back(b);
  }
  setChosen(keep);
  relayout();
}

void ClassPicker::relayout() {
  while (m_grid->count() > 0) m_grid->takeAt(0);
  for (int c = 0; c < static_cast<int>(m_buttons.size()); ++c) m_grid->addWidget(m_buttons[c], c / kPerRow, c % kPerRow);
  const int rows = (static_cast<int>(m_buttons.size()) + kPerRow - 1) / kPerRow;
  m_grid->addWidget(m_none, rows, 0, 1, kPerRow);
  updateNoneLabel();
}

std::vector<int> ClassPicker::chosen() const {
  std::vector<int> out;
  for (int c = 0; c < static_cast<int>(m_buttons.size()); ++c)
    if (m_buttons[static_cast<std::size_t>(c)]->isChecked()) out.push_back(c);
  return out;
}

void ClassPicker::setChosen(const std::vector<int>& classes) {
  for (int c = 0; c < static_cast<int>(m_buttons.size()); ++c) {
    QToolButton* b = m_buttons[static_cast<std::size_t>(c)];
    const QSignalBlocker block(b);
    b->setChecked(std::find(classes.begin(), classes.end(), c) != classes.end());
  }
  updateNoneLabel();
}

void ClassPicker::setNoneText(const QString& text) {
  m_none->setText(text);
  updateNoneLabel();
}

QToolButton* ClassPicker::button(int cls) const {
  return cls >= 0 && cls < static_cast<int>(m_buttons.size()) ? m_buttons[static_cast<std::size_t>(cls)] : nullptr;
}

void ClassPicker::updateNoneLabel() { m_none->setVisible(chosen().empty() && !m_none->text().isEmpty()); }

}  // namespace dlui
