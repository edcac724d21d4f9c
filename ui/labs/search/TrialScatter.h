// Every trial of a search as a point: the first searched setting across, the second up (or, with
// one setting, the final validation loss up on a log axis), each axis on its range's own scale.
// Colour is the final validation loss (dark = low, on a log scale); the best trial is ringed; a
// diverged trial is a red ×; a trial still training or waiting is a hollow circle.
#pragma once

#include "search/Search.h"

#include <QWidget>

#include <vector>

namespace dlui {

class TrialScatter : public QWidget {
  Q_OBJECT
public:
  explicit TrialScatter(QWidget* parent = nullptr);
  void setSpace(const std::vector<dl::search::ParamRange>& params, const QStringList& axisNames);
  void setTrials(std::vector<dl::search::Trial> trials, int best);
  // A second search to compare with (squares instead of discs; its best ringed too), and the two
  // strategies' names for the key. Empty trials: no comparison.
  void setComparison(std::vector<dl::search::Trial> trials, int best, const QString& mainName,
                     const QString& otherName);
  // Where trial `index` (of the comparison when `other`) is drawn (tests); (-1, -1) when it is not
  // on the plot.
  QPointF pointOf(int index, bool other = false) const;
  int selected() const { return m_selected; }
  void setSelected(int index);
  QSize sizeHint() const override { return {520, 460}; }
  QSize minimumSizeHint() const override { return {220, 200}; }

signals:
  void trialClicked(int index, bool other);

protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  bool event(QEvent* event) override;

private:
  QRectF plotRect() const;
  // The trial's y coordinate in [0, 1] (NaN when it has none yet).
  double yUnit(const dl::search::Trial& t) const;
  // The trial under p: its index, and whether it is the comparison's; -1 for none.
  int trialAt(QPointF p, bool* other = nullptr) const;
  // Where t is drawn inside `plot` (plotRect(), computed once by the caller: it lays out the key).
  QPointF place(const dl::search::Trial& t, const QRectF& plot) const;
  void lossRange(double& lo, double& hi) const;
  // The key's texts below the colour bar: the loss range, and with a comparison the two searches'
  // names. A projector's narrow plot wraps them (Qt::TextWordWrap) onto as many lines as they need;
  // keyHeight is their height at `width`.
  QStringList keyTexts() const;
  double keyHeight(double width) const;

  std::vector<dl::search::ParamRange> m_params;
  QStringList m_axisNames;
  std::vector<dl::search::Trial> m_trials;
  int m_best = -1;
  std::vector<dl::search::Trial> m_other;
  int m_otherBest = -1;
  QString m_mainName, m_otherName;
  int m_selected = -1;
};

}  // namespace dlui
