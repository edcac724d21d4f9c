// Presentation mode at projector sizes (1366×768 and 1024×768) in English and Chinese: the decision
// map is the largest element, the preset's chart is in view, the big numbers show the snapshots'
// values, the classroom controls reach the session, no text is cut and no control scrolls, F6
// brings the full controls, and leaving presentation mode restores the normal layout exactly.
#include "Language.h"
#include "MainWindow.h"
#include "plots/ChartPanel.h"
#include "plots/GradientNormChart.h"
#include "plots/MetricsView.h"
#include "labs/playground/TrainingSession.h"
#include "labs/playground/ClassroomDock.h"
#include "labs/playground/ControlDock.h"
#include "labs/playground/DecisionMapWidget.h"
#include "labs/playground/DivergenceBanner.h"
#include "widgets/HelpDialog.h"
#include "notes/NotesDock.h"
#include "widgets/LogSlider.h"
#include "labs/playground/NetworkDiagramWidget.h"
#include "labs/playground/ScoreBoard.h"
#include "labs/playground/TransportBar.h"
#include "labs/playground/WatchPanel.h"
#include "labs/Lab.h"
#include "labs/landscape/SurfaceMap.h"
#include "labs/search/TrialScatter.h"

#include "io/PresetCatalog.h"
#include "data/Generators.h"

#include <QAbstractButton>
#include <QFontMetrics>
#include <QValueAxis>
#include <QChart>
#include <QChartView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QResizeEvent>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QGraphicsView>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionComboBox>
#include <QStyleOptionGroupBox>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QToolBox>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

using namespace dlui;

namespace {

QString screenshotDir() { return QStringLiteral(DLPLAY_BINARY_DIR "/screenshots"); }

// ---------------------------------------------------------------------------------------------
// The text walker: every visible widget that shows a text, measured with its own font against the
// rectangle it has to draw it in. Returns one line per text that does not fit.

// A button's or label's text as drawn: "&&" is an ampersand, a single "&" marks the mnemonic.
QString shownText(QString text) {
  text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
  text.remove(QLatin1Char('&'));
  text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
  return text;
}

QString describe(const QWidget* w, const QString& text) {
  return QStringLiteral("%1 “%2” (%3)")
      .arg(QString::fromLatin1(w->metaObject()->className()), text.left(60),
           w->objectName().isEmpty() ? QStringLiteral("unnamed") : w->objectName());
}

// Plain or rich text: the size it needs at `width` (wrapped) or unbounded (not wrapped).
QSize textSize(const QFont& font, const QString& text, bool rich, bool wrap, int width) {
  if (rich) {
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.setHtml(text);
    if (wrap) doc.setTextWidth(width);
    return {static_cast<int>(std::ceil(wrap ? doc.size().width() : doc.idealWidth())),
            static_cast<int>(std::ceil(doc.size().height()))};
  }
  const QFontMetrics fm(font);
  const int flags = wrap ? Qt::TextWordWrap : 0;
  return fm.boundingRect(QRect(0, 0, wrap ? width : 1 << 20, 1 << 20), flags, text).size();
}

void checkLabel(const QLabel* l, QStringList& problems) {
  if (l->text().isEmpty() || (l->pixmap().isNull() == false)) return;
  const bool rich =
      l->textFormat() == Qt::RichText || (l->textFormat() == Qt::AutoText && Qt::mightBeRichText(l->text()));
  const QString text = rich ? l->text() : (l->buddy() ? shownText(l->text()) : l->text());
  QRect room = l->contentsRect().adjusted(l->margin(), l->margin(), -l->margin(), -l->margin());
  if (l->indent() > 0) room.adjust(l->indent(), 0, 0, 0);
  const QSize need = textSize(l->font(), text, rich, l->wordWrap(), room.width());
  // A wrapped label must fit its height; an unwrapped one its width and height. One pixel of
  // rounding is allowed.
  if (need.width() > room.width() + 1 || need.height() > room.height() + 1)
    problems << describe(l, text) + QStringLiteral(": needs %1×%2, has %3×%4")
                                        .arg(need.width())
                                        .arg(need.height())
                                        .arg(room.width())
                                        .arg(room.height());
}

void checkButton(const QAbstractButton* b, QStringList& problems) {
  const QString text = shownText(b->text());
  if (text.isEmpty()) return;
  const QFontMetrics fm(b->font());
  const int textWidth = fm.horizontalAdvance(text);
  const int icon = b->icon().isNull() ? 0 : b->iconSize().width() + 4;
  int room = b->width() - 8;
  int roomHeight = b->height();
  int need = textWidth + icon;
  int needHeight = fm.height();
  if (qobject_cast<const QCheckBox*>(b) || qobject_cast<const QRadioButton*>(b)) {
    QStyleOptionButton opt;
    opt.initFrom(b);
    opt.text = b->text();
    opt.icon = b->icon();
    opt.iconSize = b->iconSize();
    const QRect contents = b->style()->subElementRect(
        qobject_cast<const QCheckBox*>(b) ? QStyle::SE_CheckBoxContents : QStyle::SE_RadioButtonContents, &opt, b);
    room = contents.width();
    roomHeight = contents.height();
  } else if (qobject_cast<const QPushButton*>(b)) {
    QStyleOptionButton opt;
    opt.initFrom(b);
    opt.text = b->text();
    opt.icon = b->icon();
    opt.iconSize = b->iconSize();
    const QRect contents = b->style()->subElementRect(QStyle::SE_PushButtonContents, &opt, b);
    room = contents.width();
    roomHeight = contents.height();
  } else if (const auto* t = qobject_cast<const QToolButton*>(b)) {
    const Qt::ToolButtonStyle style = t->icon().isNull() ? Qt::ToolButtonTextOnly : t->toolButtonStyle();
    if (style == Qt::ToolButtonIconOnly) return;
    room = t->width() - 4;
    if (style == Qt::ToolButtonTextOnly) need = textWidth;
    if (style == Qt::ToolButtonTextUnderIcon) {
      need = std::max(textWidth, t->iconSize().width());
      needHeight = fm.height() + t->iconSize().height();
    }
  }
  if (need > room + 1 || needHeight > roomHeight + 1)
    problems << describe(b, text) +
                    QStringLiteral(": needs %1×%2, has %3×%4").arg(need).arg(needHeight).arg(room).arg(roomHeight);
}

void checkCombo(const QComboBox* c, QStringList& problems) {
  const QString text = c->currentIndex() >= 0 ? c->currentText() : c->placeholderText();
  if (text.isEmpty() || c->isEditable()) return;  // an editable combo's line edit is checked as one
  QStyleOptionComboBox opt;
  opt.initFrom(c);
  opt.editable = false;
  opt.currentText = text;
  const QRect field = c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c);
  const int icon = c->itemIcon(c->currentIndex()).isNull() ? 0 : c->iconSize().width() + 4;
  const int need = QFontMetrics(c->font()).horizontalAdvance(text) + icon;
  if (need > field.width() + 1)
    problems << describe(c, text) + QStringLiteral(": needs %1, has %2").arg(need).arg(field.width());
}

void checkTabs(const QTabBar* bar, QStringList& problems) {
  const bool horizontal = bar->shape() == QTabBar::RoundedNorth || bar->shape() == QTabBar::RoundedSouth ||
                          bar->shape() == QTabBar::TriangularNorth || bar->shape() == QTabBar::TriangularSouth;
  for (int i = 0; i < bar->count(); ++i) {
    if (!bar->isTabVisible(i)) continue;
    const QString text = shownText(bar->tabText(i));
    const QRect tab = bar->tabRect(i);
    if (!bar->rect().contains(tab)) {
      problems << describe(bar, text) +
                      QStringLiteral(": tab %1 scrolled out of its %2 px bar").arg(i).arg(bar->width());
      continue;
    }
    QStyleOptionTab opt;
    opt.initFrom(bar);
    opt.rect = tab;
    opt.text = bar->tabText(i);
    opt.shape = bar->shape();
    opt.icon = bar->tabIcon(i);
    opt.iconSize = bar->iconSize();
    const QRect room = bar->style()->subElementRect(QStyle::SE_TabBarTabText, &opt, bar);
    const int need = QFontMetrics(bar->font()).horizontalAdvance(text);
    if (need > (horizontal ? room.width() : room.height()) + 1)
      problems << describe(bar, text) + QStringLiteral(": needs %1, has %2").arg(need).arg(room.width());
  }
  if (horizontal && bar->sizeHint().width() > bar->width())
    problems << describe(bar, bar->tabText(0)) + QStringLiteral(": the tabs need %1 px, the bar has %2 (scroll arrows)")
                                                     .arg(bar->sizeHint().width())
                                                     .arg(bar->width());
}

void checkGroupBox(const QGroupBox* g, QStringList& problems) {
  if (g->title().isEmpty()) return;
  QStyleOptionGroupBox opt;
  opt.initFrom(g);
  opt.text = g->title();
  opt.subControls = QStyle::SC_GroupBoxLabel | (g->isCheckable() ? QStyle::SC_GroupBoxCheckBox : QStyle::SC_None);
  const QRect label = g->style()->subControlRect(QStyle::CC_GroupBox, &opt, QStyle::SC_GroupBoxLabel, g);
  // The title's drawn extent: Chinese full-width brackets are drawn narrower than their advances add
  // up to ("搜索的超参数（1 到 3 个）" draws whole in a 199-px label whose advances sum to 208).
  const int need = QFontMetrics(g->font()).boundingRect(shownText(g->title())).width();
  if (need > label.width() + 1 || label.right() > g->width())
    problems << describe(g, g->title()) +
                    QStringLiteral(": needs %1, has %2 (the box is %3 wide)").arg(need).arg(label.width()).arg(g->width());
}

void checkLineEdit(const QLineEdit* e, QStringList& problems) {
  const QString text = e->displayText().isEmpty() ? e->placeholderText() : e->displayText();
  if (text.isEmpty()) return;
  const QMargins m = e->textMargins();
  const int room = e->contentsRect().width() - m.left() - m.right() - 4;  // QLineEdit's own 2 px a side
  const int need = QFontMetrics(e->font()).horizontalAdvance(text);
  const auto* spin = qobject_cast<const QAbstractSpinBox*>(e->parentWidget());
  if (need > room + 1)
    problems << describe(spin ? static_cast<const QWidget*>(spin) : e, text) +
                    QStringLiteral(": needs %1, has %2").arg(need).arg(room);
}

// A table's columns as drawn: each shown column at least as wide as its header and its widest cell
// (a narrower one elides them to "…"), and all of them within the view (past it they scroll, or,
// with the scroll bar turned off, are cut).
// A column of a word-wrapping table that is not sized to its contents may wrap its cells instead:
// then each word must fit its width and the wrapped text its row's height.
void checkTable(const QTableView* t, QStringList& problems) {
  const QHeaderView* header = t->horizontalHeader();
  const auto* view = static_cast<const QAbstractItemView*>(t);  // sizeHintForColumn is public there
  const int margin = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1);
  const QFontMetrics fm(t->font());
  const int vmargin = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameVMargin, nullptr, t) + 1);
  for (int c = 0; c < header->count(); ++c) {
    if (header->isSectionHidden(c)) continue;
    const QString name = describe(t, t->model()->headerData(c, Qt::Horizontal).toString());
    const int has = header->sectionSize(c);
    const bool wraps = t->wordWrap() && header->sectionResizeMode(c) != QHeaderView::ResizeToContents;
    const int need = std::max(header->sectionSizeHint(c), wraps ? 0 : view->sizeHintForColumn(c));
    if (need > has + 1) problems << name + QStringLiteral(": column %1 needs %2, has %3").arg(c).arg(need).arg(has);
    if (!wraps) {
      // Lines of its own ("Momentum\nlr 3.85") need their row's height: a row one line short shows
      // the first line elided ("Momen…") and hides the rest.
      for (int r = 0; r < t->model()->rowCount(); ++r) {
        const QString text = t->model()->index(r, c).data().toString();
        const int lines = static_cast<int>(text.count(QLatin1Char('\n'))) + 1;
        // As laid out, with the fallback font's taller lines where it draws (Chinese).
        const int height = std::max(lines * fm.lineSpacing(), fm.boundingRect(QRect(0, 0, 1 << 20, 1 << 20), Qt::AlignLeft, text).height());
        if (lines > 1 && height + vmargin > t->rowHeight(r) + 1)
          problems << name + QStringLiteral(": “%1” needs %2 lines (%3 px), its row has %4")
                                 .arg(text)
                                 .arg(lines)
                                 .arg(height + vmargin)
                                 .arg(t->rowHeight(r));
      }
      continue;
    }
    for (int r = 0; r < t->model()->rowCount(); ++r) {
      const QModelIndex index = t->model()->index(r, c);
      const QString text = index.data().toString();
      // A decoration (a racer's colour) takes a small icon's width and a margin.
      const int icon = index.data(Qt::DecorationRole).isNull()
                           ? 0
                           : t->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, t) + margin;
      const int room = has - margin - icon;
      const QRect wrapped = fm.boundingRect(QRect(0, 0, room, 1 << 20), Qt::TextWordWrap, text);
      if (wrapped.width() > room + 1 || wrapped.height() > t->rowHeight(r) + 1)
        problems << name + QStringLiteral(": “%1” needs %2×%3 wrapped, has %4×%5")
                               .arg(text)
                               .arg(wrapped.width() + margin + icon)
                               .arg(wrapped.height())
                               .arg(has)
                               .arg(t->rowHeight(r));
    }
  }
  if (header->length() > t->viewport()->width() + 1) {
    QStringList sizes;
    for (int c = 0; c < header->count(); ++c)
      if (!header->isSectionHidden(c)) sizes << QString::number(header->sectionSize(c));
    problems << describe(t, QString()) + QStringLiteral(": the columns need %1 (%2), the view has %3")
                                             .arg(header->length())
                                             .arg(sizes.join(QLatin1Char('+')))
                                             .arg(t->viewport()->width());
  }
}

// Records the tallest size a window was given while it watches: a layout that grows the window
// past the projector's screen for a moment, even one it later undoes, cut the bottom off.
class HeightWatcher : public QObject {
public:
  int tallest = 0;
  QString when;  // what was being done when the window was tallest
  QString doing;
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Resize) {
      const int h = static_cast<QResizeEvent*>(event)->size().height();
      if (h > tallest) {
        tallest = h;
        when = doing;
      }
    }
    return QObject::eventFilter(watched, event);
  }
};

// Shows a window in `language` at `size` and waits for its first snapshot.
[[nodiscard]] bool showAt(MainWindow& w, const QString& language, QSize size) {
  w.switchLanguage(language);
  w.resize(size);
  w.show();
  return QTest::qWaitForWindowExposed(&w) && QTest::qWaitFor([&] { return w.lastSnapshot() != nullptr; }, 10000);
}

// Resizes a window in presentation mode to a projector's size (offscreen, where "full screen" is the
// platform's own 800×800) and lets the layout settle.
void fitTo(MainWindow& w, QSize size) {
  QTest::qWait(50);
  w.resize(size);
  QTRY_COMPARE(w.size(), size);
  QTest::qWait(200);
}

// Plays flat out until `steps` steps, pauses and lets the last snapshot arrive.
void trainQuickly(MainWindow& w, long long steps) {
  w.session()->setSpeed(0);
  w.session()->play();
  QVERIFY(QTest::qWaitFor([&] { return w.transport()->stepCount() >= steps; }, 60000));
  w.session()->pause();
  QVERIFY(QTest::qWaitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->running; }, 10000));
  QTest::qWait(300);
}

// Every step's metrics of every run since the last generation change, as the window received them.
struct SnapshotLog {
  explicit SnapshotLog(MainWindow& w) {
    QObject::connect(&w, &MainWindow::snapshotApplied, &w, [this](const SnapshotPtr& s) {
      if (s->generation != generation) {
        runs.clear();
        generation = s->generation;
      }
      runs.resize(s->runs.size());
      for (std::size_t i = 0; i < s->runs.size(); ++i)
        runs[i].insert(runs[i].end(), s->runs[i].metrics.begin(), s->runs[i].metrics.end());
    });
  }
  quint64 generation = ~quint64{0};
  std::vector<std::vector<dl::StepMetrics>> runs;
};

// The board against the log: the last evaluation's validation loss and accuracies, and the mean
// mini-batch loss of the steps since the evaluation before it; each label's text reads that value.
void checkScoreBoard(MainWindow& w, const SnapshotLog& log, const QString& where) {
  ScoreBoard* board = w.scoreBoard();
  QVERIFY2(board->isVisible(), qPrintable(where));
  QCOMPARE(board->runCount(), static_cast<int>(log.runs.size()));
  for (int run = 0; run < board->runCount(); ++run) {
    const auto& m = log.runs[static_cast<std::size_t>(run)];
    int last = -1, previous = -1;
    for (int i = 0; i < static_cast<int>(m.size()); ++i)
      if (m[static_cast<std::size_t>(i)].evaluated) previous = std::exchange(last, i);
    QVERIFY2(last >= 0, qPrintable(where + QStringLiteral("no evaluation in %1 steps").arg(m.size())));
    const dl::StepMetrics& e = m[static_cast<std::size_t>(last)];
    double sum = 0;
    for (int i = previous + 1; i <= last; ++i) sum += m[static_cast<std::size_t>(i)].trainLoss;
    const double trainingLoss = sum / (last - previous);
    const ScoreBoard::Values v = board->values(run);
    QCOMPARE(v.evaluationStep, e.step);
    QCOMPARE(v.validationLoss, e.valLoss);
    QCOMPARE(v.trainingLoss, trainingLoss);
    const auto reads = [&](ScoreBoard::Quantity q, double value, bool percent) {
      QLabel* label = board->valueLabel(q, run);
      QVERIFY2(label && label->isVisible(), qPrintable(where));
      QString text = label->text();
      if (percent) text.chop(1);
      bool ok = false;
      const double shown = text.toDouble(&ok) / (percent ? 100.0 : 1.0);
      QVERIFY2(ok, qPrintable(where + label->text()));
      const double tolerance = percent ? 0.0005 : 0.005 * std::abs(value);
      QVERIFY2(
          std::abs(shown - value) <= tolerance + 1e-12,
          qPrintable(where + QStringLiteral("%1 shows %2 for %3").arg(label->objectName(), label->text()).arg(value)));
    };
    reads(ScoreBoard::Quantity::TrainingLoss, trainingLoss, false);
    reads(ScoreBoard::Quantity::ValidationLoss, e.valLoss, false);
    if (std::isfinite(e.valAccuracy)) {
      QCOMPARE(v.validationAccuracy, e.valAccuracy);
      QCOMPARE(v.trainingAccuracy, e.trainAccuracy);
      reads(ScoreBoard::Quantity::ValidationAccuracy, e.valAccuracy, true);
      reads(ScoreBoard::Quantity::TrainingAccuracy, e.trainAccuracy, true);
    }
  }
}

// What leaving presentation mode must restore.
struct Layout {
  QSize windowSize;
  QMap<QString, bool> visible;
  QMap<QString, QRect> dockGeometry;
  QList<int> splitter;
  QFont font;
  bool statusBar = false;
  bool transport = false;
  bool chartTitleBar = false;
  QList<int> heights;  // the status bar, the watch panel, the map
  static Layout of(MainWindow& w) {
    Layout l;
    l.windowSize = w.size();
    for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
      l.visible[d->objectName()] = d->isVisible();
      l.dockGeometry[d->objectName()] = d->isVisible() ? d->geometry() : QRect();
    }
    l.splitter = w.findChild<QSplitter*>(QStringLiteral("centralSplitter"))->sizes();
    l.font = QApplication::font();
    l.statusBar = w.statusBar()->isVisible();
    l.transport = w.transport()->isVisible();
    l.chartTitleBar = w.chartDock()->titleBarWidget() != nullptr;
    l.heights = {w.statusBar()->height(), w.watchPanel()->height(), w.decisionMap()->height()};
    return l;
  }
};

// Every visible text in `root` that does not fit, and every visible scroll bar.
QStringList cutTexts(QWidget* root) {
  QStringList problems;
  QList<QWidget*> widgets = root->findChildren<QWidget*>();
  widgets.prepend(root);
  for (QWidget* w : widgets) {
    if (!w->isVisible() || w->width() <= 0 || w->height() <= 0) continue;
    // A widget its parent clips shows only part of itself.
    if (QWidget* parent = w->parentWidget();
        parent && !w->isWindow() && !qobject_cast<QAbstractScrollArea*>(parent->parentWidget())) {
      if (!parent->rect().contains(w->geometry()) &&
          (qobject_cast<QLabel*>(w) || qobject_cast<QAbstractButton*>(w) || qobject_cast<QComboBox*>(w) ||
           qobject_cast<QAbstractSpinBox*>(w)))
        problems << describe(w, w->property("text").toString()) +
                        QStringLiteral(": clipped by its parent (%1,%2 %3×%4 in %5×%6)")
                            .arg(w->x())
                            .arg(w->y())
                            .arg(w->width())
                            .arg(w->height())
                            .arg(parent->width())
                            .arg(parent->height());
    }
    if (auto* l = qobject_cast<QLabel*>(w))
      checkLabel(l, problems);
    else if (auto* b = qobject_cast<QAbstractButton*>(w))
      checkButton(b, problems);
    else if (auto* c = qobject_cast<QComboBox*>(w))
      checkCombo(c, problems);
    else if (auto* t = qobject_cast<QTabBar*>(w))
      checkTabs(t, problems);
    else if (auto* g = qobject_cast<QGroupBox*>(w))
      checkGroupBox(g, problems);
    else if (auto* e = qobject_cast<QLineEdit*>(w))
      checkLineEdit(e, problems);
    else if (auto* t = qobject_cast<QTableView*>(w))
      checkTable(t, problems);
    // Qt Charts elides what does not fit (axis titles, tick labels, legend entries) to "…".
    if (auto* view = qobject_cast<QGraphicsView*>(w); view && view->scene()) {
      for (QGraphicsItem* item : view->scene()->items()) {
        if (!item->isVisible()) continue;
        QString text;
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item)) text = t->toPlainText();
        if (auto* t = dynamic_cast<QGraphicsSimpleTextItem*>(item)) text = t->text();
        if (text.contains(QChar(0x2026)) || text.contains(QStringLiteral("...")) || text.contains(QChar(0x22EE)))
          problems << describe(view, text) + QStringLiteral(": the chart elided a text");
      }
    }
    // A painted widget that elides says so in its "elidedTexts" property (the activation explorer).
    for (const QString& text : w->property("elidedTexts").toStringList())
      problems << describe(w, text) + QStringLiteral(": painted elided");
    if (auto* bar = qobject_cast<QScrollBar*>(w)) {
      QWidget* area = bar->parentWidget() ? bar->parentWidget()->parentWidget() : nullptr;
      problems << QStringLiteral("a %1 scroll bar in %2")
                      .arg(bar->orientation() == Qt::Horizontal ? QStringLiteral("horizontal")
                                                                : QStringLiteral("vertical"),
                           area ? describe(area, QString()) : QStringLiteral("?"));
    }
  }
  return problems;
}

// cutTexts() once the layout has settled: a chart lays itself out, and a new font reaches every
// widget, a moment after the change; a text still cut after three seconds is cut.
QStringList settledCutTexts(QWidget* root) {
  QStringList cut = cutTexts(root);
  for (int tries = 0; !cut.isEmpty() && tries < 30; ++tries) {
    QTest::qWait(100);
    cut = cutTexts(root);
  }
  return cut;
}

}  // namespace

class TestUiPresentation : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("dlplay-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui_presentation"));
    QSettings().clear();
    QDir().mkpath(screenshotDir());
  }

  // The walker must be able to fail: every kind of text it measures, once too small and once
  // with room to spare.
  void walkerCatchesCutText() {
    QWidget top;
    top.resize(800, 600);
    const QString longText = QStringLiteral("A rather long piece of text that needs room");
    auto place = [&](QWidget* w, int x, int y, int width, int height) {
      w->setGeometry(x, y, width, height);
      return w;
    };
    auto* narrowLabel = new QLabel(longText, &top);
    place(narrowLabel, 0, 0, 60, 30)->setObjectName(QStringLiteral("narrowLabel"));
    auto* wideLabel = new QLabel(QStringLiteral("fits"), &top);
    place(wideLabel, 0, 40, 300, 30)->setObjectName(QStringLiteral("wideLabel"));
    auto* shortWrapped = new QLabel(longText + QLatin1Char(' ') + longText, &top);
    shortWrapped->setWordWrap(true);
    place(shortWrapped, 0, 80, 120, 20)->setObjectName(QStringLiteral("shortWrapped"));
    auto* tallWrapped = new QLabel(longText, &top);
    tallWrapped->setWordWrap(true);
    place(tallWrapped, 0, 110, 150, 200)->setObjectName(QStringLiteral("tallWrapped"));
    auto* richLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(longText), &top);
    place(richLabel, 320, 0, 80, 30)->setObjectName(QStringLiteral("richLabel"));
    auto* button = new QPushButton(longText, &top);
    place(button, 320, 40, 90, 30)->setObjectName(QStringLiteral("narrowButton"));
    auto* check = new QCheckBox(longText, &top);
    place(check, 320, 80, 90, 30)->setObjectName(QStringLiteral("narrowCheck"));
    auto* combo = new QComboBox(&top);
    combo->addItem(longText);
    place(combo, 320, 120, 90, 30)->setObjectName(QStringLiteral("narrowCombo"));
    auto* spin = new QSpinBox(&top);
    spin->setRange(0, 1000000000);
    spin->setValue(123456789);
    place(spin, 320, 160, 50, 30)->setObjectName(QStringLiteral("narrowSpin"));
    auto* edit = new QLineEdit(longText, &top);
    place(edit, 320, 200, 60, 30)->setObjectName(QStringLiteral("narrowEdit"));
    auto* group = new QGroupBox(longText, &top);
    place(group, 420, 0, 80, 60)->setObjectName(QStringLiteral("narrowGroup"));
    auto* tabs = new QTabBar(&top);
    for (int i = 0; i < 4; ++i) tabs->addTab(longText);
    place(tabs, 420, 80, 200, 30)->setObjectName(QStringLiteral("narrowTabs"));
    auto* tool = new QToolButton(&top);
    tool->setText(longText);
    place(tool, 420, 120, 50, 30)->setObjectName(QStringLiteral("narrowTool"));
    auto* clipped = new QLabel(QStringLiteral("fits but clipped"), &top);
    place(clipped, 700, 580, 300, 40)->setObjectName(QStringLiteral("clippedLabel"));
    auto* area = new QScrollArea(&top);
    auto* big = new QWidget;
    big->resize(600, 600);
    area->setWidget(big);
    place(area, 420, 300, 100, 100)->setObjectName(QStringLiteral("scrolled"));
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));

    const QStringList problems = cutTexts(&top);
    const QString all = problems.join(QLatin1Char('\n'));
    for (const char* name : {"narrowLabel", "shortWrapped", "richLabel", "narrowButton", "narrowCheck", "narrowCombo",
                             "narrowSpin", "narrowEdit", "narrowGroup", "narrowTabs", "narrowTool", "clippedLabel"})
      QVERIFY2(all.contains(QLatin1String(name)), qPrintable(QStringLiteral("%1 not caught:\n%2").arg(name, all)));
    QVERIFY2(all.contains(QLatin1String("scroll bar")), qPrintable(all));
    for (const char* name : {"wideLabel", "tallWrapped"})
      QVERIFY2(!all.contains(QLatin1String(name)), qPrintable(QStringLiteral("%1 wrongly caught:\n%2").arg(name, all)));

    // Given room, the same widgets pass.
    narrowLabel->resize(narrowLabel->sizeHint() + QSize(2, 2));
    button->resize(button->sizeHint() + QSize(4, 0));
    combo->resize(combo->sizeHint() + QSize(4, 0));
    const QString after = cutTexts(&top).join(QLatin1Char('\n'));
    for (const char* name : {"narrowLabel", "narrowButton", "narrowCombo"})
      QVERIFY2(!after.contains(QLatin1String(name)),
               qPrintable(QStringLiteral("%1 still caught:\n%2").arg(name, after)));
  }

  // The big numbers from synthetic snapshots: "—" until the first evaluation, then the evaluation's
  // values with the mean mini-batch loss since the evaluation before; a regression has no accuracy
  // rows; without a validation part the training loss comes every evalEvery steps and the rest
  // stays "—"; a diverged run says so; the pair gets a column per run; a new generation clears.
  void scoreBoardFollowsTheSnapshots() {
    ScoreBoard board;
    board.show();
    QVERIFY(QTest::qWaitForWindowExposed(&board));
    quint64 sequence = 0;
    const auto feed = [&](quint64 generation, const dl::ExperimentConfig& config, int runs, long long from,
                          long long to, const std::function<void(dl::StepMetrics&)>& edit) {
      auto snap = std::make_shared<Snapshot>();
      snap->sequence = ++sequence;
      snap->generation = generation;
      snap->config = config;
      snap->runs.resize(static_cast<std::size_t>(runs));
      for (int r = 0; r < runs; ++r) {
        RunSnapshot& run = snap->runs[static_cast<std::size_t>(r)];
        run.label = runs > 1 ? (r == 0 ? QStringLiteral("L1") : QStringLiteral("L2")) : QString();
        for (long long step = from; step <= to; ++step) {
          dl::StepMetrics m;
          m.step = step;
          m.epoch = 1 + step / 10;
          m.trainLoss = 1.0 / static_cast<double>(step) + r;
          m.evaluated = config.data.validationFraction > 0 && step % config.training.evalEvery == 0;
          if (m.evaluated) {
            m.valLoss = 2.0 / static_cast<double>(step) + r;
            m.valAccuracy = 0.5 + 0.001 * static_cast<double>(step);
            m.trainAccuracy = 0.6 + 0.001 * static_cast<double>(step);
          }
          edit(m);
          run.metrics.push_back(m);
        }
        run.step = to;
        run.epoch = 1 + to / 10;
      }
      board.applySnapshot(snap);
    };
    const auto none = [](dl::StepMetrics&) {};
    const auto text = [&](ScoreBoard::Quantity q, int run = 0) {
      QLabel* l = board.valueLabel(q, run);
      return l ? l->text() : QStringLiteral("(none)");
    };
    dl::ExperimentConfig c;  // circle, classification, evaluation every 50 steps
    feed(1, c, 1, 1, 49, none);
    for (auto q : {ScoreBoard::Quantity::TrainingLoss, ScoreBoard::Quantity::ValidationLoss,
                   ScoreBoard::Quantity::TrainingAccuracy, ScoreBoard::Quantity::ValidationAccuracy})
      QCOMPARE(text(q), QStringLiteral("—"));
    feed(1, c, 1, 50, 60, none);
    double mean = 0;
    for (int step = 1; step <= 50; ++step) mean += 1.0 / step;
    mean /= 50;
    QCOMPARE(board.values().trainingLoss, mean);
    QCOMPARE(board.values().validationLoss, 2.0 / 50);
    QCOMPARE(board.values().evaluationStep, 50LL);
    QCOMPARE(text(ScoreBoard::Quantity::TrainingLoss), ScoreBoard::lossText(mean, true));
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss), QStringLiteral("0.04"));
    QCOMPARE(text(ScoreBoard::Quantity::ValidationAccuracy), QStringLiteral("55.0%"));
    QCOMPARE(text(ScoreBoard::Quantity::TrainingAccuracy), QStringLiteral("65.0%"));
    // The next evaluation averages steps 51…100 only.
    feed(1, c, 1, 61, 100, none);
    mean = 0;
    for (int step = 51; step <= 100; ++step) mean += 1.0 / step;
    QCOMPARE(board.values().trainingLoss, mean / 50);
    // Divergence: the training loss says so at once.
    feed(1, c, 1, 101, 101, [](dl::StepMetrics& m) { m.trainLoss = std::numeric_limits<double>::infinity(); });
    QCOMPARE(text(ScoreBoard::Quantity::TrainingLoss), QStringLiteral("∞"));
    feed(1, c, 1, 102, 102, [](dl::StepMetrics& m) { m.trainLoss = std::numeric_limits<double>::quiet_NaN(); });
    QCOMPARE(text(ScoreBoard::Quantity::TrainingLoss), QStringLiteral("NaN"));
    // A new generation starts from "—".
    feed(2, c, 1, 1, 3, none);
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss), QStringLiteral("—"));
    QCOMPARE(text(ScoreBoard::Quantity::TrainingLoss), QStringLiteral("—"));
    // Regression: losses only.
    dl::ExperimentConfig reg = c;
    reg.data.source = "plane";
    feed(3, reg, 1, 1, 50,
         [](dl::StepMetrics& m) { m.valAccuracy = m.trainAccuracy = std::numeric_limits<double>::quiet_NaN(); });
    QVERIFY(!board.showsAccuracy());
    QCOMPARE(text(ScoreBoard::Quantity::ValidationAccuracy), QStringLiteral("(none)"));
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss), QStringLiteral("0.04"));
    // No validation part: the training loss every 50 steps, the rest never measured.
    dl::ExperimentConfig all = c;
    all.data.validationFraction = 0;
    feed(4, all, 1, 1, 49, none);
    QCOMPARE(text(ScoreBoard::Quantity::TrainingLoss), QStringLiteral("—"));
    feed(4, all, 1, 50, 50, none);
    QVERIFY(text(ScoreBoard::Quantity::TrainingLoss) != QStringLiteral("—"));
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss), QStringLiteral("—"));
    QVERIFY(
        board.valueLabel(ScoreBoard::Quantity::ValidationLoss)->toolTip().contains(QStringLiteral("no validation")));
    // The L1-vs-L2 pair: a column per run, each its own numbers.
    feed(5, c, 2, 1, 50, none);
    QCOMPARE(board.runCount(), 2);
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss, 0), QStringLiteral("0.04"));
    QCOMPARE(text(ScoreBoard::Quantity::ValidationLoss, 1), QStringLiteral("1.04"));
    QVERIFY(board.valueLabel(ScoreBoard::Quantity::ValidationLoss, 1)->x() >
            board.valueLabel(ScoreBoard::Quantity::ValidationLoss, 0)->x());
  }

  // At both projector sizes, in both languages, with presets whose lessons live on different
  // charts (loss, gradients, metrics; one regression): the map is the largest element, the
  // preset's chart is in view, the big numbers show the snapshots' values, the classroom controls
  // reach the session, no text is cut and nothing scrolls.
  void projectorLayout_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<qreal>("fontPoints");  // the desktop's font (0: the platform's, 9 pt offscreen)
    for (const char* code : {"en", "zh"})
      for (QSize size : {QSize(1366, 768), QSize(1024, 768)})
        for (const char* preset :
             {"overfit-no-dropout", "vanishing-sigmoid-deep", "imbalance-accuracy-paradox", "inputs-raw",
              "zero-init-symmetry", "adam-ill-conditioned", "tanh-zero-centred", "validation-vs-test"})
          QTest::addRow("%s %dx%d %s", code, size.width(), size.height(), preset)
              << QString::fromLatin1(code) << size << QString::fromLatin1(preset) << 0.0;
    // A desktop with a larger font (GNOME's 11 pt): presentation text is 16 pt.
    for (const char* code : {"en", "zh"})
      for (const char* preset : {"overfit-no-dropout", "inputs-raw", "adam-ill-conditioned"})
        QTest::addRow("%s 1024x768 %s 11pt", code, preset)
            << QString::fromLatin1(code) << QSize(1024, 768) << QString::fromLatin1(preset) << 11.0;
  }
  void projectorLayout() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(QString, preset);
    QFETCH(qreal, fontPoints);
    const QString where = QStringLiteral("%1 %2×%3 %4 %5 pt: ")
                              .arg(language)
                              .arg(size.width())
                              .arg(size.height())
                              .arg(preset)
                              .arg(fontPoints);
    const QFont platformFont = QApplication::font();
    if (fontPoints > 0) {
      QFont f = platformFont;
      f.setPointSizeF(fontPoints);
      QApplication::setFont(f);
    }
    const auto restoreFont = qScopeGuard([&] { QApplication::setFont(platformFont); });
    MainWindow w;
    QVERIFY(showAt(w, language, size));
    const QFont normalFont = QApplication::font();
    w.setPresentationMode(true);
    fitTo(w, size);
    SnapshotLog log(w);
    w.loadPreset(preset);
    trainQuickly(w, 300);

    QVERIFY(w.grab().save(
        screenshotDir() +
        QStringLiteral("/presentation-%1x%2-%3-%4%5.png")
            .arg(size.width())
            .arg(size.height())
            .arg(language, preset, fontPoints > 0 ? QStringLiteral("-%1pt").arg(fontPoints) : QString())));
    // The window still fits the screen: nothing in the projector layout needs more.
    QCOMPARE(w.size(), size);
    QVERIFY2(
        w.minimumSizeHint().height() <= size.height() && w.minimumSizeHint().width() <= size.width(),
        qPrintable(where +
                   QStringLiteral("minimum %1×%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
    // The map's square is the tallest thing on the screen: at least 45% of the window.
    const QRect plot = w.decisionMap()->plotRect();
    QVERIFY2(plot.height() >= 0.45 * size.height(),
             qPrintable(where + QStringLiteral("map %1 px of %2").arg(plot.height()).arg(size.height())));
    QVERIFY2(w.decisionMap()->isVisible() && w.decisionMap()->height() >= plot.height(), qPrintable(where));
    for (QWidget* other : {static_cast<QWidget*>(w.chartDock()), static_cast<QWidget*>(w.networkDiagram()),
                           static_cast<QWidget*>(w.scoreBoard()), static_cast<QWidget*>(w.watchPanel())})
      if (other->isVisible())
        QVERIFY2(other->height() <= w.decisionMap()->height(),
                 qPrintable(where + QStringLiteral("%1 is %2 px tall, the map %3")
                                        .arg(other->objectName())
                                        .arg(other->height())
                                        .arg(w.decisionMap()->height())));

    // The preset's view is on screen: its chart tab in front, the chart large enough to read.
    const dlio::PresetEntry* entry = dlio::PresetCatalog::builtIn().entry(preset);
    QVERIFY(entry);
    if (entry->view == QLatin1String("network")) {
      QVERIFY2(w.networkDiagram()->isVisible() && w.networkDiagram()->width() >= 200,
               qPrintable(where + QStringLiteral("diagram %1 px wide").arg(w.networkDiagram()->width())));
    } else if (entry->view != QLatin1String("map")) {
      QCOMPARE(w.chartPanel()->currentView(), entry->view);
      QWidget* tab = w.chartPanel()->tabs()->currentWidget();
      QVERIFY2(w.chartDock()->isVisible() && tab->isVisible() && tab->height() >= 150 && tab->width() >= 600,
               qPrintable(where + QStringLiteral("chart %1×%2").arg(tab->width()).arg(tab->height())));
    }
    // The lesson's line is as large as the projector's other text.
    QVERIFY(w.watchPanel()->isVisible());
    const QLabel* watch = w.watchPanel()->findChild<QLabel*>(QStringLiteral("watchText"));
    QVERIFY2(watch->font().pointSizeF() >= QApplication::font().pointSizeF() - 0.01,
             qPrintable(where + QStringLiteral("watch line at %1 pt").arg(watch->font().pointSizeF())));

    // The big numbers: the last evaluation's values, large.
    checkScoreBoard(w, log, where);
    // Readable from the back of the room: a line of the numbers is at least 3.5% of the picture's
    // height (7 cm of a 2 m projection), and clearly larger than the projector's other text.
    QLabel* big = w.scoreBoard()->valueLabel(ScoreBoard::Quantity::ValidationLoss);
    const int line = QFontMetrics(big->font()).height();
    QVERIFY2(line >= 0.035 * size.height() && line >= 1.35 * QFontMetrics(QApplication::font()).height(),
             qPrintable(where + QStringLiteral("%1 pt, %2 px lines").arg(big->font().pointSizeF()).arg(line)));
    // A regression preset (inputs-raw, adam-ill-conditioned) has losses only; a classification one
    // accuracy too.
    const bool regression = dl::isRegressionSource(w.lastSnapshot()->config.data.source);
    QCOMPARE(regression, preset.endsWith(QLatin1String("ill-conditioned")) || preset.startsWith(QLatin1String("inputs-")));
    QCOMPARE(w.scoreBoard()->valueLabel(ScoreBoard::Quantity::ValidationAccuracy) != nullptr, !regression);

    // No text is cut, nothing scrolls: the whole window, then every other chart tab.
    const QStringList cut = settledCutTexts(&w);
    QVERIFY2(cut.isEmpty(), qPrintable(where + cut.join(QStringLiteral("\n  "))));
    if (w.chartDock()->isVisible()) {
      QTabWidget* tabs = w.chartPanel()->tabs();
      const int shown = tabs->currentIndex();
      for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(60);
        if (preset == QLatin1String("vanishing-sigmoid-deep") || preset == QLatin1String("overfit-no-dropout"))
          QVERIFY(w.chartDock()->grab().save(screenshotDir() + QStringLiteral("/presentation-%1x%2-%3-%4-tab%5.png")
                                                                   .arg(size.width())
                                                                   .arg(size.height())
                                                                   .arg(language, preset)
                                                                   .arg(i)));
        // A chart lays itself out a moment after its tab shows: its texts are judged once settled.
        const auto tabProblems = [&] {
          QStringList problems = cutTexts(w.chartDock());
          // The metrics view paints its texts: it reports those it had to squeeze.
          if (tabs->currentWidget() == w.chartPanel()->metricsView()) {
            w.chartPanel()->metricsView()->grab();
            problems << w.chartPanel()->metricsView()->clippedTexts();
          }
          return problems;
        };
        QStringList tabCut = tabProblems();
        for (int tries = 0; !tabCut.isEmpty() && tries < 30; ++tries) {
          QTest::qWait(100);
          tabCut = tabProblems();
        }
        if (!tabCut.isEmpty())
          w.grab().save(screenshotDir() + QStringLiteral("/tabcut-%1-%2.png").arg(language, preset));
        QVERIFY2(tabCut.isEmpty(),
                 qPrintable(where + tabs->tabText(i) + QStringLiteral(": ") + tabCut.join(QStringLiteral("\n  "))));
      }
      tabs->setCurrentIndex(shown);
    }

    // A metrics preset's ROC curve is on screen too, at both projector sizes (the compact panel at
    // 1024 pixels: short titles, the confusion matrix's title on two lines).
    if (entry->view == QLatin1String("metrics")) {
      QCOMPARE(w.chartPanel()->currentView(), QStringLiteral("metrics"));
      w.chartPanel()->metricsView()->grab();
      QVERIFY2(w.chartPanel()->metricsView()->showsRoc(), qPrintable(where + QStringLiteral("no ROC curve")));
      QVERIFY2(w.chartPanel()->metricsView()->clippedTexts().isEmpty(),
               qPrintable(where + w.chartPanel()->metricsView()->clippedTexts().join(QStringLiteral(", "))));
    }

    // The classroom's learning rate reaches the session.
    LogSlider* lr = w.classroomDock()->learningRateSlider();
    QVERIFY(lr->isVisible());
    const double before = w.session()->config().optimizer.learningRate;
    lr->slider()->setValue(lr->positionOf(before) + 3);
    const double after = lr->value();
    QVERIFY(after > before);
    QCOMPARE(w.controlDock()->learningRateSlider()->value(), after);
    QTRY_COMPARE_WITH_TIMEOUT(w.session()->config().optimizer.learningRate, after, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastSnapshot()->config.optimizer.learningRate, after, 10000);

    w.setPresentationMode(false);
    QCOMPARE(QApplication::font(), normalFont);
    setLanguage(QStringLiteral("en"), false);
  }

  // The other labs on a projector at 1366×768 and 1024×768, in both languages: the window fits the
  // screen (a settings column taller than the screen scrolls instead of growing the window past
  // it), the lab's picture — the landscape's map, the search's scatter — takes at least 45% of
  // the window's height, and on the landscape, search and sequence labs' whole page (settings
  // column included) no text is cut, no table column is narrower than its text and nothing scrolls
  // but the settings column and the list of trials, vertically.
  void labsFitTheProjector_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char* code : {"en", "zh"})
      for (QSize size : {QSize(1366, 768), QSize(1024, 768)})
        QTest::addRow("%s %dx%d", code, size.width(), size.height()) << QString::fromLatin1(code) << size;
  }
  void labsFitTheProjector() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    MainWindow w;
    QVERIFY(showAt(w, language, size));
    w.setPresentationMode(true);
    fitTo(w, size);
    // The lab's whole page, but for the vertical scroll bars `allowed` names.
    const auto walkPage = [&](const QString& lab, const QString& preset, const QStringList& allowed) {
      QWidget* page = w.findChild<QWidget*>(QStringLiteral("lab-page-") + lab);
      QVERIFY(page);
      QStringList cut = settledCutTexts(page);
      cut.removeIf([&](const QString& p) {
        return std::any_of(allowed.begin(), allowed.end(), [&](const QString& area) {
          return p.startsWith(QStringLiteral("a vertical scroll bar in ")) && p.endsWith(QStringLiteral("(%1)").arg(area));
        });
      });
      if (!cut.isEmpty())
        w.grab().save(screenshotDir() + QStringLiteral("/cut-%1-%2x%3-%4.png")
                                            .arg(language).arg(size.width()).arg(size.height()).arg(preset));
      QVERIFY2(cut.isEmpty(), qPrintable(preset + QStringLiteral(": ") + cut.join(QStringLiteral("\n  "))));
    };
    for (const auto& [lab, preset] : {std::pair{QStringLiteral("landscape"), QStringLiteral("landscape-saddle-escape")},
                                      std::pair{QStringLiteral("landscape"), QStringLiteral("landscape-momentum-bound")},
                                      std::pair{QStringLiteral("search"), QStringLiteral("search-grid-vs-random")},
                                      std::pair{QStringLiteral("search"), QStringLiteral("search-coarse-to-fine")},
                                      std::pair{QStringLiteral("cnn"), QStringLiteral("cnn-digits-mlp")},
                                      std::pair{QStringLiteral("cnn"), QStringLiteral("cnn-downsample-aliasing")},
                                      std::pair{QStringLiteral("cnn"), QStringLiteral("cnn-upsample-checkerboard")},
                                      std::pair{QStringLiteral("sequence"), QStringLiteral("seq-rnn-gain-1")},
                                      std::pair{QStringLiteral("sequence"), QStringLiteral("seq-lstm-forget-5")},
                                      std::pair{QStringLiteral("sequence"), QStringLiteral("seq-reverse-attention")},
                                      std::pair{QStringLiteral("sequence"), QStringLiteral("seq-words-corpus")}}) {
      w.loadPreset(preset);
      QCOMPARE(w.currentLab(), lab);
      QTest::qWait(300);
      if (w.size() != size && qEnvironmentVariableIsSet("DLPLAY_DEBUG_SIZES")) {
        for (QWidget* c : w.findChildren<QWidget*>())
          if (c->isVisible() && c->minimumSizeHint().height() > 150)
            qDebug() << c->metaObject()->className() << c->objectName() << c->minimumSizeHint() << c->minimumSize();
      }
      QVERIFY2(w.size() == size, qPrintable(QStringLiteral("%1: the window is %2×%3").arg(preset).arg(w.width()).arg(w.height())));
      QVERIFY2(w.minimumSizeHint().height() <= size.height(),
               qPrintable(QStringLiteral("%1: minimum height %2").arg(lab).arg(w.minimumSizeHint().height())));
      QVERIFY2(w.minimumSizeHint().width() <= size.width(),
               qPrintable(QStringLiteral("%1: minimum width %2").arg(lab).arg(w.minimumSizeHint().width())));
      if (preset.startsWith(QLatin1String("cnn-downsample")) || preset.startsWith(QLatin1String("cnn-upsample"))) {
        // The Resampling tab: its five pictures large, every number and the lesson whole.
        QWidget* view = w.findChild<QWidget*>(QStringLiteral("cnnResampling"));
        QVERIFY(view && view->isVisible());
        const QString page =
            preset.startsWith(QLatin1String("cnn-upsample")) ? QStringLiteral("Up") : QStringLiteral("Down");
        for (int i = 0; i < 5; ++i) {
          QWidget* picture = view->findChild<QWidget*>(QStringLiteral("resampling%1Picture%2").arg(page).arg(i));
          QVERIFY(picture && picture->isVisible());
          QVERIFY2(picture->width() >= 120 && picture->height() >= 120,
                   qPrintable(QStringLiteral("%1: picture %2 is %3×%4")
                                  .arg(preset)
                                  .arg(i)
                                  .arg(picture->width())
                                  .arg(picture->height())));
        }
        const QStringList cut = settledCutTexts(view);
        if (!cut.isEmpty())
          w.grab().save(
              screenshotDir() +
              QStringLiteral("/cut-%1-%2x%3-%4.png").arg(language).arg(size.width()).arg(size.height()).arg(preset));
        QVERIFY2(cut.isEmpty(), qPrintable(preset + QStringLiteral(": ") + cut.join(QStringLiteral("\n  "))));
        continue;
      }
      if (lab == QLatin1String("cnn")) {
        // The CNN lab's lesson is its score board: whole, in the projector's large type.
        QWidget* board = w.findChild<QWidget*>(QStringLiteral("cnnScores"));
        QVERIFY(board && board->isVisible());
        QVERIFY2(board->width() >= board->minimumSizeHint().width(), qPrintable(QStringLiteral("score board cut")));
        continue;
      }
      if (lab == QLatin1String("sequence")) {
        // The sequence lab's lesson: the score board whole, the tab's picture large, no cut text.
        QWidget* board = w.findChild<QWidget*>(QStringLiteral("seqScores"));
        QVERIFY(board);
        if (board->isVisible())
          QVERIFY2(board->width() >= board->minimumSizeHint().width(), qPrintable(preset + QStringLiteral(": score board cut")));
        const QString name = preset == QLatin1String("seq-rnn-gain-1")      ? QStringLiteral("seqTimeChart")
                             : preset == QLatin1String("seq-lstm-forget-5") ? QStringLiteral("seqInside1")
                             : preset == QLatin1String("seq-reverse-attention") ? QStringLiteral("seqAlignment")
                                                                                : QStringLiteral("seqWordMap");
        QWidget* picture = w.findChild<QWidget*>(name);
        QVERIFY(picture && picture->isVisible());
        const double share = name == QLatin1String("seqInside1") ? 0.12 : 0.4;
        QVERIFY2(picture->height() >= share * size.height(),
                 qPrintable(QStringLiteral("%1: %2 is %3 px high").arg(preset, name).arg(picture->height())));
        // The whole page: the tab and the settings column (whose vertical scroll bar is by design on
        // a screen 768 pixels high).
        walkPage(lab, preset, {QStringLiteral("seqControlsScroll")});
        if (QTest::currentTestFailed()) return;
        continue;
      }
      QWidget* picture = lab == QLatin1String("landscape") ? static_cast<QWidget*>(w.findChild<SurfaceMap*>())
                                                           : static_cast<QWidget*>(w.findChild<TrialScatter*>());
      QVERIFY(picture && picture->isVisible());
      QVERIFY2(picture->height() >= 0.45 * size.height(),
               qPrintable(QStringLiteral("%1: picture %2 px high").arg(lab).arg(picture->height())));
      // The whole page, once the race or the search has run to its end (every racer's final state,
      // every trial's row): the settings column may scroll, and the list of trials, vertically.
      Lab* page = w.lab(lab);
      QVERIFY(page);
      QVERIFY(page->finish(60000));
      QTest::qWait(300);
      walkPage(lab, preset,
               lab == QLatin1String("landscape")
                   ? QStringList{QStringLiteral("landscapeControlsScroll")}
                   : QStringList{QStringLiteral("searchControlsScroll"), QStringLiteral("searchTrials")});
      if (QTest::currentTestFailed()) return;
    }
    w.setPresentationMode(false);
    setLanguage(QStringLiteral("en"), false);
  }

  // Every preset's "what to watch" line is whole on a projector: its two compact lines at 1366×768
  // and at 1024×768, in both languages, hold the title and the whole watch text (an elided line
  // hid the end of the lesson, which the room cannot hover for).
  void everyWatchLineFits_data() {
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char* code : {"en", "zh"})
      for (QSize size : {QSize(1366, 768), QSize(1024, 768)})
        QTest::addRow("%s %dx%d", code, size.width(), size.height()) << QString::fromLatin1(code) << size;
  }
  void everyWatchLineFits() {
    QFETCH(QString, language);
    QFETCH(QSize, size);
    MainWindow w;
    QVERIFY(showAt(w, language, size));
    w.setPresentationMode(true);
    fitTo(w, size);
    QStringList cut, smallMap;
    HeightWatcher heights;
    w.installEventFilter(&heights);
    for (const dlio::PresetEntry& e : dlio::PresetCatalog::builtIn().entries()) {
      if (e.lab != QLatin1String("playground")) continue;  // other labs' views: their own tests
      heights.doing = e.name;
      w.loadPreset(e.name);
      QTRY_VERIFY_WITH_TIMEOUT(w.watchPanel()->preset() == e.name && w.watchPanel()->isVisible(), 10000);
      QTest::qWait(100);  // the layout's own passes
      // No preset's layout (and no change between two: a diagram below the map, then a chart) asks
      // for more than the screen's height.
      QVERIFY2(
          heights.tallest <= size.height(),
          qPrintable(QStringLiteral("loading %1 grew the window to %2 px").arg(heights.when).arg(heights.tallest)));
      fitTo(w, size);  // the projector's size, and the layout settled at it
      // The map is the largest thing on the screen under every preset, right after it loads.
      const int plot = w.decisionMap()->plotRect().height();
      if (plot < 0.45 * size.height()) {
        smallMap << QStringLiteral("%1 (%2 px)").arg(e.name).arg(plot);
        w.grab().save(screenshotDir() + QStringLiteral("/small-map-%1-%2x%3-%4.png")
                                            .arg(language)
                                            .arg(size.width())
                                            .arg(size.height())
                                            .arg(e.name));
      }
      if (w.watchPanel()->elided()) {
        cut << e.name;
        w.grab().save(screenshotDir() + QStringLiteral("/watch-cut-%1-%2x%3-%4.png").arg(language).arg(size.width()).arg(size.height()).arg(e.name));
      }
    }
    QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("%1 watch lines cut: %2").arg(cut.size()).arg(cut.join(", "))));
    QVERIFY2(smallMap.isEmpty(), qPrintable(QStringLiteral("maps under 45%: %1").arg(smallMap.join(", "))));
    w.setPresentationMode(false);
  }

  // The divergence banner shows above the map on a projector too, and the map keeps its share.
  // A preset after the L1-vs-L2 pair gets its map back: the pair's two-column score board is
  // wider, and once the pair has ended the board says so and the layout gives the width back
  // (overfit-no-dropout after l1-vs-l2 kept a 294-px board and a 269-px map at 1024×768).
  void mapRecoversAfterAPair() {
    const QSize size(1024, 768);
    MainWindow w;
    QVERIFY(showAt(w, QStringLiteral("en"), size));
    w.setPresentationMode(true);
    fitTo(w, size);
    w.loadPreset(QStringLiteral("l1-vs-l2"));
    trainQuickly(w, 200);
    fitTo(w, size);
    // The pair keeps the map's share: its two columns of numbers get smaller first.
    QVERIFY2(w.decisionMap()->plotRect().height() >= 0.45 * size.height(),
             qPrintable(QString::number(w.decisionMap()->plotRect().height())));
    // The weight histograms (a third of the chart each) label as many weights as their width holds:
    // five ran together into "-… -… 0 1.32.5".
    int histograms = 0;
    for (QChartView* view : w.findChildren<QChartView*>()) {
      QChart* chart = view->chart();
      for (QAbstractAxis* a : chart->axes(Qt::Horizontal)) {
        auto* x = qobject_cast<QValueAxis*>(a);
        if (!x || x->titleText() != QStringLiteral("weight") || !view->isVisible()) continue;
        ++histograms;
        // The labels the axis draws (multiples of its interval), each with room for itself and a gap.
        const QFontMetrics fm(x->labelsFont());
        const int perSide = static_cast<int>(std::floor(x->max() / x->tickInterval() + 1e-9));
        QVERIFY2(perSide >= 1, qPrintable(QString::number(perSide)));
        const double slot = chart->plotArea().width() / (2.0 * x->max() / x->tickInterval());
        for (int k = -perSide; k <= perSide; ++k) {
          const QString label = QString::asprintf(qPrintable(x->labelFormat()), k * x->tickInterval());
          QVERIFY2(fm.horizontalAdvance(label) + fm.averageCharWidth() <= slot,
                   qPrintable(QStringLiteral("'%1' in %2 px").arg(label).arg(slot)));
        }
      }
    }
    QCOMPARE(histograms, 2);
    const int pairBoard = w.scoreBoard()->width();
    w.loadPreset(QStringLiteral("overfit-no-dropout"));
    trainQuickly(w, 300);
    fitTo(w, size);
    QVERIFY2(w.scoreBoard()->width() < pairBoard,
             qPrintable(QStringLiteral("board %1 px, the pair's %2").arg(w.scoreBoard()->width()).arg(pairBoard)));
    const int plot = w.decisionMap()->plotRect().height();
    QVERIFY2(plot >= 0.45 * size.height(), qPrintable(QStringLiteral("map %1 px of %2").arg(plot).arg(size.height())));
    w.setPresentationMode(false);
  }

  // A 20-layer network's per-layer legend at 1024×768: its 21 entries in one row lost every name
  // (only the colour squares were left). It names layer 1, every k-th layer and the output, whole.
  void deepNetworkLegendNamesLayers() {
    const QSize size(1024, 768);
    MainWindow w;
    QVERIFY(showAt(w, QStringLiteral("en"), size));
    w.setPresentationMode(true);
    fitTo(w, size);
    w.loadPreset(QStringLiteral("deep-relu-he"));
    trainQuickly(w, 50);
    fitTo(w, size);
    QTest::qWait(200);
    GradientNormChart* chart = w.chartPanel()->gradientNormChart();
    QVERIFY(chart->isVisible());
    QCOMPARE(chart->layerCount(), 21);
    const std::vector<int> named = chart->layersInLegend();
    QVERIFY2(named.size() >= 4 && named.size() < 21, qPrintable(QString::number(named.size())));
    QCOMPARE(named.front(), 0);
    QCOMPARE(named.back(), 20);
    const QStringList cut = settledCutTexts(&w);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n  "))));
    // The names are drawn: each named layer's text is in the chart's scene.
    QStringList drawn;
    for (QGraphicsView* view : chart->findChildren<QGraphicsView*>())
      for (QGraphicsItem* item : view->scene()->items())
        if (auto* t = dynamic_cast<QGraphicsTextItem*>(item); t && t->isVisible()) drawn << t->toPlainText();
    for (const QString& name : {QStringLiteral("layer 1"), QStringLiteral("output")})
      QVERIFY2(drawn.contains(name), qPrintable(drawn.join(QStringLiteral(" | "))));
    // On a wide window every layer is named again.
    w.setPresentationMode(false);
    w.resize(1920, 1080);
    QTRY_VERIFY_WITH_TIMEOUT(chart->layersInLegend().size() > named.size(), 5000);
  }

  void divergenceBannerInPresentation() {
    MainWindow w;
    w.resize(1024, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
    w.setPresentationMode(true);
    fitTo(w, QSize(1024, 768));
    w.loadPreset(QStringLiteral("exploding-large-init"));
    w.session()->setSpeed(0);
    w.session()->play();
    QTRY_VERIFY_WITH_TIMEOUT(w.divergenceBanner()->isVisible(), 30000);
    w.session()->pause();
    QTest::qWait(300);
    QVERIFY(w.watchPanel()->isVisible());
    QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/presentation-1024x768-en-diverged.png")));
    QVERIFY2(w.decisionMap()->plotRect().height() >= 0.45 * 768,
             qPrintable(QString::number(w.decisionMap()->plotRect().height())));
    // A diverged run's numbers say so instead of showing the last finite ones.
    const QString loss = w.scoreBoard()->valueLabel(ScoreBoard::Quantity::TrainingLoss)->text();
    QVERIFY2(loss == QStringLiteral("NaN") || loss.contains(QStringLiteral("∞")), qPrintable(loss));
    const QStringList cut = settledCutTexts(&w);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n  "))));
    QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/presentation-1024x768-en-diverged.png")));
    w.setPresentationMode(false);
  }

  // A preset about the network itself shows the diagram even where it does not fit beside the map
  // (1024×768): below the map, in the chart dock's place; the next preset gets its chart back, and
  // leaving presentation mode puts the diagram back beside the map.
  void networkPresetShowsTheDiagram() {
    MainWindow w;
    w.resize(1024, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
    w.setPresentationMode(true);
    fitTo(w, QSize(1024, 768));
    w.loadPreset(QStringLiteral("overfit-no-dropout"));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot()->config.name == "overfit-no-dropout", 10000);
    QTest::qWait(200);
    QVERIFY(!w.networkDiagram()->isVisible());  // no room beside the map, and not the lesson
    QVERIFY(w.chartDock()->isVisible());
    w.loadPreset(QStringLiteral("logistic-regression"));
    QTRY_VERIFY_WITH_TIMEOUT(w.networkDiagram()->isVisible(), 10000);
    QTest::qWait(200);
    QVERIFY(!w.chartDock()->isVisible());
    QVERIFY(!w.chartPanel()->chartOptions()->isVisible());  // no chart, no chart options in the column
    QVERIFY(w.networkDiagram()->y() > w.decisionMap()->mapTo(&w, QPoint(0, 0)).y());  // below the map
    QVERIFY(w.networkDiagram()->height() >= 150 && w.networkDiagram()->width() >= 600);
    QVERIFY(w.decisionMap()->plotRect().height() >= 0.45 * 768);
    QCOMPARE(w.size(), QSize(1024, 768));
    QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/presentation-1024x768-en-logistic-regression.png")));
    w.loadPreset(QStringLiteral("overfit-no-dropout"));
    QTRY_VERIFY_WITH_TIMEOUT(w.chartDock()->isVisible(), 10000);
    QTest::qWait(200);
    QVERIFY(!w.networkDiagram()->isVisible());
    QVERIFY(w.chartPanel()->chartOptions()->isVisible());
    QCOMPARE(w.chartPanel()->currentView(), QStringLiteral("loss"));
    w.loadPreset(QStringLiteral("logistic-regression"));
    QTRY_VERIFY_WITH_TIMEOUT(w.networkDiagram()->isVisible() && !w.chartDock()->isVisible(), 10000);
    w.setPresentationMode(false);
    QTest::qWait(300);
    QVERIFY(w.networkDiagram()->isVisible());
    QCOMPARE(w.networkDiagram()->parentWidget(), w.findChild<QSplitter*>(QStringLiteral("centralSplitter")));
    QVERIFY(w.chartDock()->isVisible());
  }

  // Every classroom control does what it says, in the session's configuration; play, step and
  // reset drive the session; the numbers read "—" until the first evaluation.
  void classroomControls() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
    w.setPresentationMode(true);
    fitTo(w, QSize(1366, 768));
    w.loadPreset(QStringLiteral("xor-tanh"));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot()->config.name == "xor-tanh", 10000);
    ClassroomDock* c = w.classroomDock();
    QVERIFY(c->isVisible());
    QVERIFY(!w.controlDock()->isVisible());
    // The session applies edits on its thread: each check waits for it.
    const auto config = [&] { return w.session()->config(); };
#define SESSION_HAS(condition)                   \
  QTRY_VERIFY_WITH_TIMEOUT(                      \
      [&] {                                      \
        const dl::ExperimentConfig c = config(); \
        return (condition);                      \
      }(),                                       \
      10000)

    // Step: one step; the numbers have not been measured yet.
    auto* step = c->findChild<QToolButton*>(QStringLiteral("classroom-stepAction"));
    QVERIFY(step && step->isVisible());
    QTest::mouseClick(step, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.transport()->stepCount(), 1LL, 10000);
    for (auto q : {ScoreBoard::Quantity::TrainingLoss, ScoreBoard::Quantity::ValidationLoss,
                   ScoreBoard::Quantity::TrainingAccuracy, ScoreBoard::Quantity::ValidationAccuracy})
      QCOMPARE(w.scoreBoard()->valueLabel(q)->text(), QStringLiteral("—"));
    // Play until the first evaluation: numbers appear.
    auto* play = c->findChild<QToolButton*>(QStringLiteral("classroom-playAction"));
    QTest::mouseClick(play, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(w.scoreBoard()->values().evaluationStep > 0, 20000);
    QTest::mouseClick(play, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!w.lastSnapshot()->running, 10000);
    QVERIFY(w.scoreBoard()->valueLabel(ScoreBoard::Quantity::ValidationLoss)->text() != QStringLiteral("—"));
    // Reset: back to "—" and step 0.
    QTest::mouseClick(c->findChild<QToolButton*>(QStringLiteral("classroom-resetAction")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.transport()->stepCount(), 0LL, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(w.scoreBoard()->valueLabel(ScoreBoard::Quantity::ValidationLoss)->text(),
                              QStringLiteral("—"), 10000);

    // Data set.
    QComboBox* source = c->dataSetCombo();
    const int spiral = source->findData(QStringLiteral("spiral"));
    QVERIFY(spiral >= 0);
    source->setCurrentIndex(spiral);
    emit source->activated(spiral);
    SESSION_HAS(c.data.source == "spiral");
    // Activation of every hidden layer.
    QComboBox* activation = c->activationCombo();
    const int relu = activation->findData(QStringLiteral("relu"));
    activation->setCurrentIndex(relu);
    emit activation->activated(relu);
    SESSION_HAS(
        std::all_of(c.hidden.begin(), c.hidden.end(), [](const dl::LayerConfig& l) { return l.activation == "relu"; }));
    // Layers and neurons.
    const std::size_t layers = config().hidden.size();
    QTest::mouseClick(c->addLayerButton(), Qt::LeftButton);
    SESSION_HAS(c.hidden.size() == layers + 1);
    QTest::mouseClick(c->removeLayerButton(), Qt::LeftButton);
    SESSION_HAS(c.hidden.size() == layers);
    const int units = config().hidden.front().units;
    QTest::mouseClick(c->addNeuronButton(), Qt::LeftButton);
    SESSION_HAS(
        std::all_of(c.hidden.begin(), c.hidden.end(), [&](const dl::LayerConfig& l) { return l.units == units + 1; }));
    QTest::mouseClick(c->removeNeuronButton(), Qt::LeftButton);
    QTest::mouseClick(c->removeNeuronButton(), Qt::LeftButton);
    SESSION_HAS(
        std::all_of(c.hidden.begin(), c.hidden.end(), [&](const dl::LayerConfig& l) { return l.units == units - 1; }));
    // Regularisation: L2 at the chosen strength, then L1, then off.
    QComboBox* penalty = c->regularizationCombo();
    penalty->setCurrentIndex(static_cast<int>(ClassroomDock::Penalty::L2));
    emit penalty->activated(penalty->currentIndex());
    LogSlider* rate = c->regularizationRateSlider();
    QVERIFY(rate->isVisible());
    rate->slider()->setValue(rate->positionOf(0.01));
    SESSION_HAS(c.regularization.l2 == 0.01 && c.regularization.l1 == 0.0);
    penalty->setCurrentIndex(static_cast<int>(ClassroomDock::Penalty::L1));
    emit penalty->activated(penalty->currentIndex());
    SESSION_HAS(c.regularization.l1 == 0.01 && c.regularization.l2 == 0.0 && !c.regularization.compareL1L2);
    penalty->setCurrentIndex(static_cast<int>(ClassroomDock::Penalty::Compare));
    emit penalty->activated(penalty->currentIndex());
    SESSION_HAS(c.regularization.compareL1L2);
    QTRY_COMPARE_WITH_TIMEOUT(w.scoreBoard()->runCount(), 2, 10000);  // the pair: a column each
    penalty->setCurrentIndex(static_cast<int>(ClassroomDock::Penalty::None));
    emit penalty->activated(penalty->currentIndex());
    SESSION_HAS(c.regularization.l1 == 0.0 && c.regularization.l2 == 0.0 && !c.regularization.compareL1L2);
    QVERIFY(!rate->isVisible());
    // Dropout: one rate for every hidden layer, applied to the running trainer without a reset.
    QSlider* dropout = c->dropoutSlider();
    QVERIFY(dropout->isVisible() && dropout->isEnabled());
    // The generation the penalty change started, once its snapshots reach the window (on a busy
    // machine the snapshot of the pair before it can still be the latest here).
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() && w.lastSnapshot()->runs.size() == 1 &&
                                 !w.lastSnapshot()->config.regularization.compareL1L2 &&
                                 w.lastSnapshot()->config.regularization.l1 == 0.0 &&
                                 w.lastSnapshot()->config.regularization.l2 == 0.0,
                             10000);
    const quint64 generation = w.lastSnapshot()->generation;
    dropout->setValue(6);  // 0.30
    SESSION_HAS(
        std::all_of(c.hidden.begin(), c.hidden.end(), [](const dl::LayerConfig& l) { return l.dropout == 0.3; }));
    QCOMPARE(c->dropoutValue()->text(), QStringLiteral("0.30"));
    QCOMPARE(w.lastSnapshot()->generation, generation);
#undef SESSION_HAS
    // The full dock shows every edit made here, and the other way round.
    QCOMPARE(w.controlDock()->config().data.source, std::string("spiral"));
    QCOMPARE(w.controlDock()->config().hidden.front().units, units - 1);
    w.controlDock()->learningRateSlider()->slider()->setValue(w.controlDock()->learningRateSlider()->positionOf(0.3));
    QCOMPARE(c->learningRateSlider()->value(), 0.3);
    // The map's toggles moved here.
    QVERIFY(c->showValidationBox()->isVisible());
    c->showValidationBox()->setChecked(false);
    QVERIFY(!w.decisionMap()->showsValidation());
    c->discretizeBox()->setChecked(true);
    QVERIFY(w.decisionMap()->discretized());
    // The language switched on a projector: the column and the board re-measure themselves.
    w.switchLanguage(QStringLiteral("zh"));
    QTest::qWait(300);
    const QStringList cut = settledCutTexts(&w);
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n  "))));
    QVERIFY(w.decisionMap()->plotRect().height() >= 0.45 * 768);
    QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/presentation-1366x768-switched-to-zh.png")));
    w.switchLanguage(QStringLiteral("en"));
    // A preset with dropout shows it here (dropout-small-noisy's Regularisation read "None").
    w.loadPreset(QStringLiteral("dropout-small-noisy"));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot()->config.name == "dropout-small-noisy", 10000);
    const double presetRate = w.lastSnapshot()->config.hidden.front().dropout;
    QVERIFY(presetRate > 0);
    QCOMPARE(c->dropoutValue()->text(), QString::number(presetRate, 'f', 2));
    QCOMPARE(dropout->value(), static_cast<int>(std::lround(presetRate / 0.05)));
    w.setPresentationMode(false);
    QVERIFY(!w.decisionMap()->showsValidation());  // the map's own box shows the choice
  }

  // F6 brings the full controls dock in place of the classroom column (the transport bar with it),
  // and F6 again goes back; Help lists the key, and so does the guide in both languages.
  void fullControlsOneKeyAway() {
    MainWindow w;
    w.resize(1024, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
    w.setPresentationMode(true);
    fitTo(w, QSize(1024, 768));
    w.loadPreset(QStringLiteral("adam-ill-conditioned"));  // Adam: the training page's longest form
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot()->config.name == "adam-ill-conditioned", 10000);
    QVERIFY(w.classroomDock()->isVisible());
    QTest::keyClick(&w, Qt::Key_F6);
    QTRY_VERIFY(w.controlDock()->isVisible());
    QVERIFY(!w.classroomDock()->isVisible());
    QVERIFY(w.transport()->isVisible());
    QTest::qWait(200);
    QCOMPARE(w.size(), QSize(1024, 768));  // the window does not grow past the screen
    // Every page of the full dock: no scroll bar, no cut text.
    QToolBox* pages = w.controlDock()->pages();
    for (int page = 0; page < pages->count(); ++page) {
      pages->setCurrentIndex(page);
      QTest::qWait(100);
      const QStringList cut = settledCutTexts(w.controlDock());
      QVERIFY2(cut.isEmpty(), qPrintable(QStringLiteral("page %1:\n  ").arg(page) + cut.join(QStringLiteral("\n  "))));
      QVERIFY(w.controlDock()->grab().save(screenshotDir() +
                                           QStringLiteral("/presentation-1024x768-full-controls-%1.png").arg(page)));
    }
    // Ten layers of two rows each need more than a projector screen's height: the network page
    // may scroll down, but nothing is cut and nothing scrolls sideways.
    w.loadPreset(QStringLiteral("vanishing-sigmoid-deep"));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot()->config.hidden.size() == 10, 10000);
    pages->setCurrentIndex(1);
    QTest::qWait(200);
    QStringList cut;
    for (const QString& problem : settledCutTexts(w.controlDock()))
      if (!problem.startsWith(QLatin1String("a vertical scroll bar"))) cut << problem;
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n  "))));
    QTest::keyClick(&w, Qt::Key_F6);
    QTRY_VERIFY(w.classroomDock()->isVisible());
    QVERIFY(!w.controlDock()->isVisible());
    QVERIFY(!w.transport()->isVisible());
    QTest::qWait(200);
    QCOMPARE(w.size(), QSize(1024, 768));
    QVERIFY(w.decisionMap()->plotRect().height() >= 0.45 * 768);
    // The key in Help's shortcut list (built from the actions) and in the guide.
    w.showGuide();
    QVERIFY2(w.helpDialog()->markdown().contains(QStringLiteral("| F6 | ")), qPrintable(w.helpDialog()->markdown()));
    w.helpDialog()->close();
    for (const char* code : {"en", "zh"}) {
      QFile guide(QStringLiteral(":/help/guide.%1.md").arg(QLatin1String(code)));
      QVERIFY(guide.open(QIODevice::ReadOnly));
      QVERIFY2(QString::fromUtf8(guide.readAll()).contains(QStringLiteral("**F6**")), code);
    }
    w.setPresentationMode(false);
  }

  // Leaving presentation mode puts back every dock, toolbar, the splitter, the status bar, the
  // window's size and the font exactly, after a session in which the projector layout was
  // resized and F6 was used.
  void leavingRestoresTheLayout() {
    MainWindow w;
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
    w.loadPreset(QStringLiteral("overfit-no-dropout"));
    QTest::qWait(300);
    // A layout of the user's own: the notes closed, the chart dock taller.
    w.notesDock()->hide();
    w.resizeDocks({w.chartDock()}, {330}, Qt::Vertical);
    QTest::qWait(200);
    const Layout before = Layout::of(w);
    w.setPresentationMode(true);
    fitTo(w, QSize(1024, 768));
    QTest::keyClick(&w, Qt::Key_F6);
    QTest::qWait(100);
    QTest::keyClick(&w, Qt::Key_F6);
    QTest::qWait(100);
    QVERIFY(Layout::of(w).dockGeometry != before.dockGeometry);
    w.setPresentationMode(false);
    QTRY_COMPARE_WITH_TIMEOUT(w.size(), before.windowSize, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(Layout::of(w).dockGeometry, before.dockGeometry, 5000);
    const Layout after = Layout::of(w);
    QCOMPARE(after.windowSize, before.windowSize);
    QCOMPARE(after.visible, before.visible);
    QCOMPARE(after.dockGeometry, before.dockGeometry);
    QCOMPARE(after.splitter, before.splitter);
    QCOMPARE(after.font, before.font);
    QCOMPARE(after.statusBar, before.statusBar);
    QCOMPARE(after.transport, before.transport);
    QCOMPARE(after.chartTitleBar, before.chartTitleBar);
    QCOMPARE(after.heights, before.heights);
    QVERIFY(!w.classroomDock()->isVisible());
    QVERIFY(!w.scoreBoard()->isVisible());
    QVERIFY(w.networkDiagram()->isVisible());

    // F5 toggles it too.
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY(w.presentationMode());
    QTest::keyClick(&w, Qt::Key_F5);
    QVERIFY(!w.presentationMode());
  }

  // The normal window at 1920×1080 after a little training, in both languages, beside the
  // projector's: saved for a person to look at. Presentation mode leaves it as it was.
  void screenshotsNormalAndPresentation() {
    for (const char* code : {"en", "zh"}) {
      const QString language = QString::fromLatin1(code);
      MainWindow w;
      w.switchLanguage(language);
      w.resize(1920, 1080);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QTRY_VERIFY_WITH_TIMEOUT(w.lastSnapshot() != nullptr, 10000);
      w.loadPreset(QStringLiteral("overfit-no-dropout"));
      trainQuickly(w, 600);
      const Layout before = Layout::of(w);
      QVERIFY(!w.scoreBoard()->isVisible() && !w.classroomDock()->isVisible());
      QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/normal-1920x1080-%1.png").arg(language)));
      w.setPresentationMode(true);
      fitTo(w, QSize(1920, 1080));
      QVERIFY(w.decisionMap()->plotRect().height() >= 0.45 * 1080);
      const QStringList cut = settledCutTexts(&w);
      QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral("\n  "))));
      QVERIFY(w.grab().save(screenshotDir() + QStringLiteral("/presentation-1920x1080-%1.png").arg(language)));
      w.setPresentationMode(false);
      QTRY_COMPARE_WITH_TIMEOUT(w.size(), before.windowSize, 5000);
      QTRY_COMPARE_WITH_TIMEOUT(Layout::of(w).dockGeometry, before.dockGeometry, 5000);
      const Layout after = Layout::of(w);
      QCOMPARE(after.splitter, before.splitter);
      QCOMPARE(after.heights, before.heights);
      QCOMPARE(after.font, before.font);
      setLanguage(QStringLiteral("en"), false);
    }
  }

  // Settings written in presentation mode keep the normal layout: the next start does not take the
  // projector's layout for the normal one.
  void settingsKeepTheNormalLayout() {
    QByteArray normalState;
    {
      MainWindow w;
      w.resize(1366, 768);
      w.show();
      QVERIFY(QTest::qWaitForWindowExposed(&w));
      QTest::qWait(200);
      normalState = w.saveState();
      w.setPresentationMode(true);
      QTest::qWait(200);
      w.close();  // writes the settings
    }
    QCOMPARE(QSettings().value(QStringLiteral("window/state")).toByteArray(), normalState);
    QVERIFY(QSettings().value(QStringLiteral("view/presentation")).toBool());
    QSettings().setValue(QStringLiteral("view/presentation"), false);
  }
};

QTEST_MAIN(TestUiPresentation)
#include "tst_ui_presentation.moc"
