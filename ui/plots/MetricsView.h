// The metrics view: run 0's classification on the validation part, live — the confusion matrix
// (rows = true class, cells shaded by the share of their row, so a missed minority class shows as a
// pale diagonal cell), precision, recall, F1 and support per class with their macro means,
// accuracy and Cohen's κ, and the ROC curve(s) with their AUC. Painted with QPainter (cheap at any
// rate); regression data gets a one-line note instead.
#pragma once

#include "labs/playground/Snapshot.h"

#include <QStringList>
#include <QWidget>

#include <vector>

namespace dlui {

class MetricsView : public QWidget {
  Q_OBJECT
public:
  explicit MetricsView(QWidget* parent = nullptr);

  void applySnapshot(const SnapshotPtr& snapshot);
  void clear();
  void setPresentationMode(bool on);
  const MetricsReport* report() const { return m_report.get(); }

  // The texts the last paint had to draw in less room than they need (tests: none may be).
  QStringList clippedTexts() const { return m_clipped; }
  // Whether the last paint had the width for the ROC panel (without it, the AUC joins the table),
  // and whether it was the compact one (short titles "ROC", "FPR →", "↑ TPR", and the confusion
  // matrix's title on two lines), which a projector at 1024 pixels needs.
  bool showsRoc() const { return m_showRoc; }
  bool compactRoc() const { return m_compactRoc; }

  QSize sizeHint() const override { return {820, 300}; }
  QSize minimumSizeHint() const override { return {360, 200}; }

protected:
  void paintEvent(QPaintEvent* event) override;
  void changeEvent(QEvent* event) override;

private:
  void paintConfusion(QPainter& p, const QRectF& area);
  void paintTable(QPainter& p, const QRectF& area);
  void paintRoc(QPainter& p, const QRectF& area);
  QString className(int c) const;
  QString confusionTitle() const;
  // The ROC panel's texts, full or compact.
  QString rocTitle(bool compact) const;
  QString rocXTitle(bool compact) const;
  QString rocYTitle(bool compact) const;
  QString rocLegend(int curve, bool compact) const;
  // The width the ROC panel needs for its texts, full or compact.
  double rocWidth(bool compact) const;
  double confusionLabelWidth() const;
  QStringList tableHeads() const;
  std::vector<double> tableColumns() const;
  double tableWidth() const;
  void drawFitted(QPainter& p, const QRectF& r, int flags, const QString& text) const;

  std::shared_ptr<const MetricsReport> m_report;
  bool m_regression = false;
  bool m_presentation = false;
  mutable QStringList m_clipped;
  bool m_showRoc = true;
  bool m_compactRoc = false;
  int m_confusionTitleLines = 1;
};

}  // namespace dlui
