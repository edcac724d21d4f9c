// The metrics view (see MetricsView.h): three panels side by side — confusion matrix, per-class
// table, ROC — laid out from the widget's size, in the interface font.
#include "plots/MetricsView.h"

#include "widgets/ColorMaps.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dlui {

namespace {

QString percent(double v) { return std::isfinite(v) ? QString::number(100 * v, 'f', 1) + QLatin1Char('%') : QStringLiteral("–"); }

}  // namespace

MetricsView::MetricsView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("metricsView"));
  setAutoFillBackground(true);
  setBackgroundRole(QPalette::Base);
}

void MetricsView::applySnapshot(const SnapshotPtr& s) {
  if (!s) return;
  if (s->data) m_regression = s->data->train.task == dl::Task::Regression;
  if (s->metricsReport) {
    m_report = s->metricsReport;
    if (isVisible()) update();
  }
}

void MetricsView::clear() {
  m_report.reset();
  update();
}

void MetricsView::setPresentationMode(bool on) {
  m_presentation = on;
  update();
}

void MetricsView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) update();
  QWidget::changeEvent(event);
}

QString MetricsView::className(int c) const {
  if (m_report && c < static_cast<int>(m_report->classNames.size()))
    return QString::fromStdString(m_report->classNames[static_cast<std::size_t>(c)]);
  return QString::number(c);
}

void MetricsView::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(palette().text().color());
  m_clipped.clear();
  if (m_regression) {
    p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
               tr("Regression: these metrics are for classes. The loss chart shows the validation error."));
    return;
  }
  if (!m_report || m_report->report.confusion.size() == 0) {
    p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
               tr("The validation metrics appear after the first steps (press Space to train)."));
    return;
  }
  // Laid out from what the texts need (a projector's font is large, its screen small): the table
  // at its natural width, the confusion matrix as large a square as the height allows, the ROC in
  // what is left — or, when that is too narrow to read, left out (its AUC joins the table).
  const double w = width(), h = height(), gap = 12;
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bfm(bold);
  const double tableW = tableWidth();
  const double head = fm.height() * 1.3;
  const double labelW = confusionLabelWidth();
  const double square = std::max(40.0, h - 8 - 2 * head - fm.height() - 4);
  double confusionW = std::max(bfm.horizontalAdvance(confusionTitle()), labelW + square);
  // Full ROC texts if they fit; else the compact ones, with the confusion matrix's title on two
  // lines (its square one line smaller) to make room; else no ROC panel.
  m_compactRoc = false;
  m_confusionTitleLines = 1;
  m_showRoc = confusionW + tableW + rocWidth(false) + 3 * gap <= w;
  if (!m_showRoc) {
    const double square2 = std::max(40.0, square - head);
    double widestWord = 0;
    for (const QString& word : confusionTitle().split(QLatin1Char(' '), Qt::SkipEmptyParts))
      widestWord = std::max(widestWord, bfm.horizontalAdvance(word));
    const double narrow = std::max(labelW + square2, widestWord);
    const QRectF twoLines = bfm.boundingRect(QRectF(0, 0, narrow, 1e6), Qt::TextWordWrap, confusionTitle());
    if (twoLines.height() <= 2 * fm.height() * 1.3 && narrow + tableW + rocWidth(true) + 3 * gap <= w) {
      m_showRoc = m_compactRoc = true;
      m_confusionTitleLines = twoLines.height() > fm.height() * 1.3 ? 2 : 1;
      confusionW = narrow;
    }
  }
  if (!m_showRoc) confusionW = std::min(confusionW, std::max(labelW + 40, w - tableW - 2 * gap));
  const QRectF confusion(4, 4, confusionW, h - 8);
  const QRectF table(confusion.right() + gap, 4, tableW, h - 8);
  paintConfusion(p, confusion);
  paintTable(p, table);
  if (m_showRoc) paintRoc(p, QRectF(table.right() + gap, 4, w - table.right() - 2 * gap, h - 8));
}

QString MetricsView::confusionTitle() const { return tr("Confusion matrix (validation)"); }
QString MetricsView::rocTitle(bool compact) const { return compact ? tr("ROC") : tr("ROC curve (validation)"); }
QString MetricsView::rocXTitle(bool compact) const { return compact ? tr("FPR →") : tr("false positive rate →"); }
QString MetricsView::rocYTitle(bool compact) const { return compact ? tr("↑ TPR") : tr("↑ true positive rate"); }

QString MetricsView::rocLegend(int curve, bool compact) const {
  const dl::RocCurve& c = m_report->roc[static_cast<std::size_t>(curve)];
  const QString auc = std::isfinite(c.auc) ? QString::number(c.auc, 'f', 3) : QStringLiteral("–");
  const QString cls = className(m_report->rocClasses[static_cast<std::size_t>(curve)]);
  return compact ? tr("%1: %2").arg(cls, auc) : tr("%1: AUC %2").arg(cls, auc);
}

double MetricsView::rocWidth(bool compact) const {
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bfm(bold);
  double need = std::max({bfm.horizontalAdvance(rocTitle(compact)), fm.horizontalAdvance(rocXTitle(compact)),
                          fm.horizontalAdvance(rocYTitle(compact)), 90.0});
  // The legend: a swatch and a gap (16 px) before each curve's text.
  for (int i = 0; i < static_cast<int>(std::min<std::size_t>(4, m_report->roc.size())); ++i)
    need = std::max(need, fm.horizontalAdvance(rocLegend(i, compact)) + 18);
  return need;
}

double MetricsView::confusionLabelWidth() const {
  const QFontMetricsF fm(font());
  double labelW = fm.horizontalAdvance(tr("true ↓")) + 8;
  for (int c = 0; c < static_cast<int>(m_report->report.confusion.rows()); ++c)
    labelW = std::max(labelW, fm.horizontalAdvance(className(c)) + 8);
  return std::min(labelW, fm.horizontalAdvance(QLatin1Char('M')) * 8.0);
}

// Draws `text` in `r` (one line) and notes it when it does not fit (tests read clippedTexts()).
void MetricsView::drawFitted(QPainter& p, const QRectF& r, int flags, const QString& text) const {
  const QFontMetricsF fm(p.font());
  if (fm.horizontalAdvance(text) > r.width() + 0.5 || fm.height() > r.height() + 0.5) m_clipped << text;
  p.drawText(r, flags, text);
}

void MetricsView::paintConfusion(QPainter& p, const QRectF& area) {
  const Eigen::MatrixXi& m = m_report->report.confusion;
  const int k = static_cast<int>(m.rows());
  const QFontMetricsF fm(font());
  const double head = fm.height() * 1.3;
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  // The title on one line, or on two where the compact layout makes room for the ROC.
  const double titleH = head * m_confusionTitleLines;
  if (m_confusionTitleLines == 1) {
    drawFitted(p, QRectF(area.left(), area.top(), area.width(), head), Qt::AlignLeft | Qt::AlignVCenter,
               confusionTitle());
  } else {
    const QRectF title(area.left(), area.top(), area.width(), titleH);
    const QFontMetricsF bfm(bold);
    if (bfm.boundingRect(title, Qt::TextWordWrap, confusionTitle()).height() > titleH + 0.5) m_clipped << confusionTitle();
    p.drawText(title, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, confusionTitle());
  }
  p.setFont(font());
  // Row labels on the left (true class), column labels on top (predicted class); the grid square.
  const double labelW = confusionLabelWidth();
  const double side = std::max(20.0, std::min(area.width() - labelW, area.height() - titleH - head - fm.height() - 4));
  const QRectF grid(area.left() + labelW, area.top() + titleH + head, side, side);
  const double cw = grid.width() / k, ch = grid.height() / k;
  drawFitted(p, QRectF(grid.left(), area.top() + titleH, std::max(grid.width(), area.right() - grid.left()), head),
             Qt::AlignLeft | Qt::AlignVCenter, tr("predicted →"));
  drawFitted(p, QRectF(area.left(), area.top() + titleH, labelW - 4, head), Qt::AlignRight | Qt::AlignVCenter,
             tr("true ↓"));
  for (int r = 0; r < k; ++r) {
    const double rowTotal = std::max(1, m.row(r).sum());
    p.drawText(QRectF(area.left(), grid.top() + r * ch, labelW - 4, ch), Qt::AlignRight | Qt::AlignVCenter,
               fm.elidedText(className(r), Qt::ElideRight, labelW - 6));
    for (int c = 0; c < k; ++c) {
      const QRectF cell(grid.left() + c * cw, grid.top() + r * ch, cw, ch);
      const double share = m(r, c) / rowTotal;
      // Diagonal in the class colour, errors in red: the darker, the larger the share of the row.
      const QColor base = r == c ? colors::classColor(r) : QColor(0xd6, 0x27, 0x28);
      p.fillRect(cell, colors::mix(0xffffffff, base.rgb(), 0.85 * share));
      p.setPen(palette().mid().color());
      p.drawRect(cell);
      p.setPen(share > 0.55 ? Qt::white : palette().text().color());
      if (cw > fm.horizontalAdvance(QStringLiteral("0000")) * 0.8 && ch > fm.height())
        p.drawText(cell, Qt::AlignCenter, QString::number(m(r, c)));
    }
  }
  p.setPen(palette().text().color());
  for (int c = 0; c < k; ++c)
    p.drawText(QRectF(grid.left() + c * cw, grid.bottom() + 2, cw, fm.height()), Qt::AlignCenter,
               fm.elidedText(className(c), Qt::ElideRight, cw));
}

// The table's columns: the class names get what the numbers leave, at least "macro mean".
std::vector<double> MetricsView::tableColumns() const {
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  const QFontMetricsF bfm(bold);
  const QStringList heads = tableHeads();
  std::vector<double> cols(5);
  for (int i = 1; i < 5; ++i)
    cols[static_cast<std::size_t>(i)] =
        std::max(bfm.horizontalAdvance(heads[i]), fm.horizontalAdvance(QStringLiteral("100.0%"))) + 12;
  double names = std::max(bfm.horizontalAdvance(heads[0]), fm.horizontalAdvance(tr("macro mean")));
  for (int c = 0; c < static_cast<int>(m_report->report.precision.size()); ++c)
    names = std::max(names, fm.horizontalAdvance(className(c)));
  cols[0] = std::min(names, fm.horizontalAdvance(QLatin1Char('M')) * 10.0) + 12;
  return cols;
}

QStringList MetricsView::tableHeads() const {
  return {tr("class"), tr("precision"), tr("recall"), tr("F1"), tr("support")};
}

double MetricsView::tableWidth() const {
  const std::vector<double> cols = tableColumns();
  return std::accumulate(cols.begin(), cols.end(), 0.0);
}

void MetricsView::paintTable(QPainter& p, const QRectF& area) {
  const dl::ClassificationReport& r = m_report->report;
  const int k = static_cast<int>(r.precision.size());
  const QFontMetricsF fm(font());
  const double rowH = fm.height() * 1.35;
  QFont bold = font();
  bold.setBold(true);
  const QStringList heads = tableHeads();
  const std::vector<double> cols = tableColumns();
  const auto rowRect = [&](int row, int col) {
    double x = area.left();
    for (int i = 0; i < col; ++i) x += cols[static_cast<std::size_t>(i)];
    return QRectF(x, area.top() + row * rowH, cols[static_cast<std::size_t>(col)] - 6, rowH);
  };
  p.setFont(bold);
  for (int i = 0; i < 5; ++i)
    drawFitted(p, rowRect(0, i), (i ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, heads[i]);
  p.setFont(font());
  // The summary under the table, wrapped to the table's width.
  QString summary = tr("accuracy %1 · Cohen's κ %2 · step %3")
                        .arg(percent(r.accuracy), QString::number(r.kappa, 'f', 3))
                        .arg(m_report->step);
  if (!m_showRoc && !m_report->roc.empty()) {
    QStringList aucs;
    for (std::size_t i = 0; i < m_report->roc.size() && i < 4; ++i) {
      const double auc = m_report->roc[i].auc;
      aucs << (m_report->roc.size() == 1 ? QString() : className(m_report->rocClasses[i]) + QLatin1Char(' ')) +
                  (std::isfinite(auc) ? QString::number(auc, 'f', 3) : QStringLiteral("–"));
    }
    summary += QStringLiteral(" · ") + tr("ROC AUC %1").arg(aucs.join(QStringLiteral(", ")));
  }
  // Wrapped only between its items: "第 1500 步" left "步" alone on the next line.
  QStringList items = summary.split(QStringLiteral(" · "));
  for (QString& item : items) item.replace(QLatin1Char(' '), QChar(0x00A0));
  // (A list inside an item, the per-class AUCs, may still break after its commas.)
  summary = items.join(QStringLiteral(" · ")).replace(QStringLiteral(",\u00A0"), QStringLiteral(", "));
  const QFontMetricsF bfm(bold);
  const QRectF summaryRect = bfm.boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::TextWordWrap, summary);
  const int summaryRows = std::max(1, static_cast<int>(std::ceil(summaryRect.height() / rowH - 0.05)));
  // As many class rows as fit above the summary rows; the classes with the lowest recall first
  // when not all fit (they are the lesson).
  std::vector<int> order(static_cast<std::size_t>(k));
  for (int c = 0; c < k; ++c) order[static_cast<std::size_t>(c)] = c;
  const int fit = std::max(1, static_cast<int>(area.height() / rowH) - 3 - summaryRows);
  if (k > fit)
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return r.recall[a] < r.recall[b]; });
  int row = 1;
  for (int i = 0; i < std::min(k, fit); ++i, ++row) {
    const int c = order[static_cast<std::size_t>(i)];
    const auto u = static_cast<std::size_t>(c);
    p.drawText(rowRect(row, 0), Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(className(c), Qt::ElideRight, cols[0] - 6));
    // A recall below half is the minority class being missed: said in red.
    p.setPen(r.recall[u] < 0.5 ? QColor(0xd6, 0x27, 0x28) : palette().text().color());
    drawFitted(p, rowRect(row, 2), Qt::AlignRight | Qt::AlignVCenter, percent(r.recall[u]));
    p.setPen(palette().text().color());
    drawFitted(p, rowRect(row, 1), Qt::AlignRight | Qt::AlignVCenter, percent(r.precision[u]));
    drawFitted(p, rowRect(row, 3), Qt::AlignRight | Qt::AlignVCenter, percent(r.f1[u]));
    drawFitted(p, rowRect(row, 4), Qt::AlignRight | Qt::AlignVCenter, QString::number(r.support[u], 'f', 0));
  }
  if (k > fit) {
    p.drawText(rowRect(row++, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("+%1 classes").arg(k - fit));
  }
  p.setPen(palette().mid().color());
  p.drawLine(QPointF(area.left(), area.top() + row * rowH), QPointF(area.right(), area.top() + row * rowH));
  p.setPen(palette().text().color());
  drawFitted(p, rowRect(row, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("macro mean"));
  drawFitted(p, rowRect(row, 1), Qt::AlignRight | Qt::AlignVCenter, percent(r.macroPrecision));
  drawFitted(p, rowRect(row, 2), Qt::AlignRight | Qt::AlignVCenter, percent(r.macroRecall));
  drawFitted(p, rowRect(row, 3), Qt::AlignRight | Qt::AlignVCenter, percent(r.macroF1));
  ++row;
  p.setFont(bold);
  const QRectF summaryArea(area.left(), area.top() + row * rowH, area.width(), summaryRows * rowH);
  if (area.top() + row * rowH + summaryRect.height() > area.bottom() + 1) m_clipped << summary;
  p.drawText(summaryArea, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, summary);
  p.setFont(font());
}

void MetricsView::paintRoc(QPainter& p, const QRectF& area) {
  const QFontMetricsF fm(font());
  QFont bold = font();
  bold.setBold(true);
  p.setFont(bold);
  drawFitted(p, QRectF(area.left(), area.top(), area.width(), fm.height() * 1.3), Qt::AlignLeft | Qt::AlignVCenter,
             rocTitle(m_compactRoc));
  p.setFont(font());
  // The axis titles lie flat, above and below the plot: a rotated one would need the plot's height.
  const int curves = static_cast<int>(std::min<std::size_t>(4, m_report->roc.size()));
  const double legendH = fm.height() * curves + 4;
  const double top = area.top() + fm.height() * 2.4;
  const double side = std::max(40.0, std::min(area.width() - 4, area.bottom() - top - fm.height() - 4 - legendH));
  const QRectF plot(area.left() + 2, top, side, side);
  drawFitted(p, QRectF(area.left(), top - fm.height() - 1, area.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
             rocYTitle(m_compactRoc));
  p.setPen(palette().mid().color());
  p.drawRect(plot);
  p.setPen(QPen(palette().mid().color(), 1, Qt::DashLine));
  p.drawLine(plot.bottomLeft(), plot.topRight());  // chance
  p.setPen(palette().text().color());
  drawFitted(p, QRectF(area.left(), plot.bottom() + 2, area.width(), fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
             rocXTitle(m_compactRoc));
  double y = plot.bottom() + fm.height() + 4;
  for (std::size_t i = 0; i < m_report->roc.size(); ++i) {
    const dl::RocCurve& c = m_report->roc[i];
    const int cls = m_report->rocClasses[i];
    QPainterPath path;
    for (std::size_t j = 0; j < c.fpr.size(); ++j) {
      const QPointF pt(plot.left() + c.fpr[j] * plot.width(), plot.bottom() - c.tpr[j] * plot.height());
      if (j == 0) path.moveTo(pt);
      else path.lineTo(pt);
    }
    p.setPen(QPen(colors::classColor(cls), m_presentation ? 3.0 : 2.0));
    p.drawPath(path);
    if (static_cast<int>(i) < curves) {
      p.fillRect(QRectF(plot.left(), y + fm.height() * 0.3, 10, fm.height() * 0.4), colors::classColor(cls));
      p.setPen(palette().text().color());
      drawFitted(p, QRectF(plot.left() + 14, y, area.width() - 16, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                 rocLegend(static_cast<int>(i), m_compactRoc));
      y += fm.height();
    }
  }
}

}  // namespace dlui
